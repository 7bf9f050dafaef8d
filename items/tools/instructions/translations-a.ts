import type { Translation } from './translation';

/**
 * The Dutch master and its translations into English and Turkish. Every language says the same thing in the same
 * order: short, calm sentences, second person (polite form), no good or bad result, help from the afnemer only
 * during practice. Translations other than Dutch need a native-speaker review before production use.
 */
export const NL: Translation = {
  name: 'Nederlands',
  nameNl: 'Nederlands',
  direction: 'ltr',
  voice: 'nl',
  texts: {
    welcome:
      'Welkom. Deze toets gaat over leren. U ziet plaatjes en u hoort woorden. U hoeft geen Nederlands te kennen. Er is geen goed of slecht resultaat. Doe rustig uw best.',
    practice:
      'Eerst gaan we oefenen. Kijk en luister goed. Tik op een plaatje of sleep een plaatje. Weet u niet wat u moet doen? Vraag het aan de afnemer. Dat mag alleen bij het oefenen.',
    'practice.again': 'We oefenen nog een keer. Neem de tijd. U mag de afnemer om hulp vragen.',
    'test.start':
      'Nu begint de toets. De afnemer helpt nu niet meer. Eerst ziet u steeds een voorbeeld. Daarna doet u zelf een opgave. Weet u iets niet? Dat is niet erg. Doe uw best.',
    'family.woorden-leren':
      'Bij elk plaatje hoort een nieuw woord. Luister goed. Daarna hoort u een woord. Tik op het plaatje dat bij het woord hoort.',
    'family.zinnen-bouwen':
      'U ziet een plaatje en u hoort een zin met nieuwe woorden. Kijk goed naar de volgorde van de woorden. Daarna ziet u een nieuw plaatje. Sleep de woorden in de goede volgorde.',
    'family.woordvormen':
      'Een woord verandert als het plaatje verandert. Kijk en luister hoe het woord verandert. Doe daarna hetzelfde met een nieuw woord.',
    'family.klanken-tekens':
      'Bij elk teken hoort een klank. Luister goed. Daarna hoort u een woord. Sleep de tekens in de goede volgorde.',
    'family.regels-zien':
      'De plaatjes veranderen volgens een regel. Kijk goed wat er verandert. Doe daarna hetzelfde met het nieuwe plaatje.',
    voorbeeld:
      'Kijk eerst naar het voorbeeld. U hoeft nog niets te doen. Wilt u het nog een keer zien? Tik dan op de knop.',
    opgave: 'Nu bent u aan de beurt. Bent u klaar? Tik dan op volgende.',
    pause: 'De toets is even gestopt. U hoeft niets te doen. De afnemer helpt u.',
    end: 'De toets is klaar. Dank u wel voor het meedoen. De afnemer komt zo bij u.',
    'home.day':
      'Op de dag van de toets komt u naar de gemeente. U zit aan een scherm met een koptelefoon op. De afnemer legt alles uit en helpt u bij het oefenen. U kunt niet slagen of zakken. De toets laat zien hoe u het best leert.',
    'home.private':
      'Deze oefening blijft op uw telefoon. Er wordt niets verstuurd. De oefening vraagt niet naar uw naam.',
  },
  ui: {
    play: 'Afspelen',
    replay: 'Nog een keer',
    next: 'Volgende',
    option: 'Keuze {n}',
    tile: 'Blokje {n}',
    slot: 'Plek {n}',
    target: 'Doel {n}',
    look: 'Voorbeeld',
    'your-turn': 'Nu u',
    correct: 'Goed',
    'try-again': 'Probeer het nog eens',
    'call-afnemer': 'Roep de afnemer',
    progress: 'Voortgang',
  },
};

export const EN: Translation = {
  name: 'English',
  nameNl: 'Engels',
  direction: 'ltr',
  voice: 'en',
  texts: {
    welcome:
      'Welcome. This test is about learning. You will see pictures and hear words. You do not need to know Dutch. There is no good or bad result. Calmly do your best.',
    practice:
      'First we will practise. Look and listen carefully. Tap a picture or drag a picture. Not sure what to do? Ask the supervisor. This is allowed only during practice.',
    'practice.again': 'We will practise once more. Take your time. You may ask the supervisor for help.',
    'test.start':
      'Now the test begins. The supervisor will not help any more. Each time, you first see an example. Then you do a task yourself. If you do not know something, that is all right. Do your best.',
    'family.woorden-leren':
      'Each picture has a new word. Listen carefully. Then you hear a word. Tap the picture that goes with the word.',
    'family.zinnen-bouwen':
      'You see a picture and you hear a sentence with new words. Look carefully at the order of the words. Then you see a new picture. Drag the words into the right order.',
    'family.woordvormen':
      'A word changes when the picture changes. Look and listen to how the word changes. Then do the same with a new word.',
    'family.klanken-tekens':
      'Each sign has a sound. Listen carefully. Then you hear a word. Drag the signs into the right order.',
    'family.regels-zien':
      'The pictures change according to a rule. Look carefully at what changes. Then do the same with the new picture.',
    voorbeeld:
      'First look at the example. You do not need to do anything yet. Do you want to see it again? Then tap the button.',
    opgave: 'Now it is your turn. Are you finished? Then tap next.',
    pause: 'The test has stopped for a moment. You do not need to do anything. The supervisor will help you.',
    end: 'The test is finished. Thank you for taking part. The supervisor will come to you soon.',
    'home.day':
      'On the day of the test you come to the municipality. You sit at a screen with headphones on. The supervisor explains everything and helps you practise. You cannot pass or fail. The test shows how you learn best.',
    'home.private':
      'This practice stays on your phone. Nothing is sent. The practice does not ask for your name.',
  },
  ui: {
    play: 'Play',
    replay: 'Once more',
    next: 'Next',
    option: 'Choice {n}',
    tile: 'Tile {n}',
    slot: 'Place {n}',
    target: 'Target {n}',
    look: 'Example',
    'your-turn': 'Your turn',
    correct: 'Good',
    'try-again': 'Try again',
    'call-afnemer': 'Call the supervisor',
    progress: 'Progress',
  },
};

export const TR: Translation = {
  name: 'Türkçe',
  nameNl: 'Turks',
  direction: 'ltr',
  voice: 'tr',
  texts: {
    welcome:
      'Hoş geldiniz. Bu test öğrenme ile ilgilidir. Resimler göreceksiniz ve kelimeler duyacaksınız. Hollandaca bilmeniz gerekmez. İyi ya da kötü bir sonuç yoktur. Sakince elinizden geleni yapın.',
    practice:
      'Önce alıştırma yapacağız. İyi bakın ve iyi dinleyin. Bir resme dokunun ya da bir resmi sürükleyin. Ne yapacağınızı bilmiyor musunuz? Sınav görevlisine sorun. Bu sadece alıştırmada yapılabilir.',
    'practice.again':
      'Bir kez daha alıştırma yapıyoruz. Acele etmeyin. Sınav görevlisinden yardım isteyebilirsiniz.',
    'test.start':
      'Şimdi test başlıyor. Sınav görevlisi artık yardım etmez. Her seferinde önce bir örnek göreceksiniz. Sonra bir görevi kendiniz yapacaksınız. Bir şeyi bilmiyor musunuz? Sorun değil. Elinizden geleni yapın.',
    'family.woorden-leren':
      'Her resmin yeni bir kelimesi var. İyi dinleyin. Sonra bir kelime duyacaksınız. Bu kelimeye ait resme dokunun.',
    'family.zinnen-bouwen':
      'Bir resim göreceksiniz ve yeni kelimelerle bir cümle duyacaksınız. Kelimelerin sırasına iyi bakın. Sonra yeni bir resim göreceksiniz. Kelimeleri doğru sıraya sürükleyin.',
    'family.woordvormen':
      'Resim değişince kelime de değişir. Kelimenin nasıl değiştiğine bakın ve dinleyin. Sonra aynısını yeni bir kelimeyle yapın.',
    'family.klanken-tekens':
      'Her işaretin bir sesi var. İyi dinleyin. Sonra bir kelime duyacaksınız. İşaretleri doğru sıraya sürükleyin.',
    'family.regels-zien':
      'Resimler bir kurala göre değişir. Neyin değiştiğine iyi bakın. Sonra aynısını yeni resimle yapın.',
    voorbeeld:
      'Önce örneğe bakın. Henüz bir şey yapmanız gerekmez. Tekrar görmek ister misiniz? O zaman düğmeye dokunun.',
    opgave: 'Şimdi sıra sizde. Bitirdiniz mi? O zaman ileri düğmesine dokunun.',
    pause: 'Test kısa bir süre durdu. Bir şey yapmanız gerekmez. Sınav görevlisi size yardım edecek.',
    end: 'Test bitti. Katıldığınız için teşekkür ederiz. Sınav görevlisi birazdan yanınıza gelecek.',
    'home.day':
      'Test günü belediyeye geleceksiniz. Kulaklık takıp bir ekranın önünde oturacaksınız. Sınav görevlisi her şeyi anlatır ve alıştırmada size yardım eder. Bu testte geçmek ya da kalmak yoktur. Test, en iyi nasıl öğrendiğinizi gösterir.',
    'home.private': 'Bu alıştırma telefonunuzda kalır. Hiçbir şey gönderilmez. Alıştırma adınızı sormaz.',
  },
  ui: {
    play: 'Oynat',
    replay: 'Bir kez daha',
    next: 'İleri',
    option: 'Seçenek {n}',
    tile: 'Parça {n}',
    slot: 'Yer {n}',
    target: 'Hedef {n}',
    look: 'Örnek',
    'your-turn': 'Sıra sizde',
    correct: 'Doğru',
    'try-again': 'Tekrar deneyin',
    'call-afnemer': 'Görevliyi çağırın',
    progress: 'İlerleme',
  },
};
