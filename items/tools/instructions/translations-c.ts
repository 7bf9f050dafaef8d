import type { Translation } from './translation';

/**
 * Somali and Pashto, translated from the Dutch master in translations-a.ts, sentence by sentence, in short plain
 * sentences. The research names both among the groups the old test left without instructions. Somali uses the
 * singular "you" (the usual polite form); Pashto the polite plural (تاسو). The afnemer is "the test's
 * administrator" in both (maamulaha imtixaanka, ازموینه اخیستونکی). espeak-ng 1.51 has a voice for neither, so
 * both are text only. Both need a native-speaker review before production use.
 */
export const SO: Translation = {
  name: 'Af-Soomaali',
  nameNl: 'Somalisch',
  direction: 'ltr',
  voice: null,
  texts: {
    welcome:
      'Soo dhawoow. Imtixaankani wuxuu ku saabsan yahay barashada. Waxaad arki doontaa sawirro, waxaadna maqli doontaa erayo. Uma baahnid inaad taqaanid luqadda Nederlandka. Ma jiro natiijo wanaagsan ama xun. Si deggan u dadaal.',
    practice:
      'Marka hore waan tababaranaynaa. Si fiican u eeg oo u dhageyso. Taabo sawir ama jiid sawir. Ma garanaysid waxaad samaynayso? Weydii maamulaha imtixaanka. Taas waa la oggol yahay inta tababarku socdo oo keliya.',
    'practice.again':
      'Mar kale ayaan tababaranaynaa. Waqtigaaga qaado. Waxaad caawimaad ka codsan kartaa maamulaha imtixaanka.',
    'test.start':
      'Hadda imtixaanku wuu bilaabmayaa. Maamulaha imtixaanku hadda kadib kuma caawinayo. Mar walba marka hore waxaad arki doontaa tusaale. Kadib adiga ayaa su’aal samaynaya. Haddii aadan wax garanayn, dhib ma leh. Dadaal.',
    'family.woorden-leren':
      'Sawir kasta wuxuu leeyahay eray cusub. Si fiican u dhageyso. Kadib waxaad maqli doontaa eray. Taabo sawirka erayga leh.',
    'family.zinnen-bouwen':
      'Waxaad arki doontaa sawir, waxaadna maqli doontaa jumlad leh erayo cusub. Si fiican u eeg siday erayadu u kala horreeyaan. Kadib waxaad arki doontaa sawir cusub. Erayada u jiid siday si sax ah u kala horreeyaan.',
    'family.woordvormen':
      'Erayga wuu isbeddelaa marka sawirku isbeddelo. Eeg oo dhageyso sida erayga isu beddelo. Kadib sidaas oo kale ku samee eray cusub.',
    'family.klanken-tekens':
      'Calaamad kasta waxay leedahay cod. Si fiican u dhageyso. Kadib waxaad maqli doontaa eray. Calaamadaha u jiid siday si sax ah u kala horreeyaan.',
    'family.regels-zien':
      'Sawirradu waxay isu beddelaan sida xeer sheegayo. Si fiican u eeg waxa isbeddelaya. Kadib sidaas oo kale ku samee sawirka cusub.',
    voorbeeld:
      'Marka hore eeg tusaalaha. Weli waxba uma baahnid inaad samayso. Ma rabtaa inaad mar kale aragto? Markaas taabo badhanka.',
    opgave: 'Hadda waa markaaga. Ma dhammaysay? Markaas taabo badhanka xiga.',
    pause:
      'Imtixaanka waa la hakiyay in yar. Waxba uma baahnid inaad samayso. Maamulaha imtixaanka ayaa ku caawin doona.',
    end: 'Imtixaanku wuu dhammaaday. Waad ku mahadsan tahay ka qaybgalka. Maamulaha imtixaanka ayaa dhowaan kuu iman doona.',
    'home.day':
      'Maalinta imtixaanka waxaad timaaddaa dowladda hoose. Waxaad fadhiisanaysaa shaashad hortaada adigoo sameecado xiran. Maamulaha imtixaanka ayaa wax walba kuu sharxaya, tababarkana kaa caawinaya. Ma jiro baasid ama dhicid. Imtixaanku wuxuu muujinayaa sida aad wax ugu fiican u barato.',
    'home.private':
      'Tababarkani wuxuu ku jiraa taleefankaaga oo keliya. Waxba lama diro. Tababarku magacaaga ma weydiinayo.',
  },
  ui: {
    play: 'Dhageyso',
    replay: 'Mar kale',
    next: 'Xiga',
    option: 'Doorasho {n}',
    tile: 'Xabbad {n}',
    slot: 'Meel {n}',
    target: 'Bartilmaameed {n}',
    look: 'Tusaale',
    'your-turn': 'Waa markaaga',
    correct: 'Sax',
    'try-again': 'Isku day mar kale',
    'call-afnemer': 'U yeer maamulaha imtixaanka',
    progress: 'Horumar',
  },
};

export const PS: Translation = {
  name: 'پښتو',
  nameNl: 'Pasjtoe',
  direction: 'rtl',
  voice: null,
  texts: {
    welcome:
      'ښه راغلاست. دا ازموینه د زده کړې په اړه ده. تاسو انځورونه وینئ او کلمې اورئ. تاسو ته د هالنډي ژبې زده کول اړین نه دي. ښه یا بده پایله نشته. په ارامۍ سره خپله هڅه وکړئ.',
    practice:
      'لومړی به تمرین وکړو. ښه وګورئ او ښه غوږ ونیسئ. په یو انځور ټک وکړئ یا یو انځور کش کړئ. نه پوهېږئ چې څه وکړئ؟ له ازموینه اخیستونکي وپوښتئ. دا یوازې د تمرین پر مهال اجازه لري.',
    'practice.again': 'یو ځل بیا تمرین کوو. خپل وخت واخلئ. تاسو کولای شئ له ازموینه اخیستونکي مرسته وغواړئ.',
    'test.start':
      'اوس ازموینه پیلېږي. ازموینه اخیستونکی نور مرسته نه کوي. هر ځل لومړی یوه بېلګه وینئ. بیا پخپله یوه پوښتنه حل کوئ. که په یو څه نه پوهېږئ، کومه ستونزه نشته. خپله هڅه وکړئ.',
    'family.woorden-leren':
      'هر انځور یوه نوې کلمه لري. ښه غوږ ونیسئ. بیا یوه کلمه اورئ. په هغه انځور ټک وکړئ چې له کلمې سره سمون لري.',
    'family.zinnen-bouwen':
      'یو انځور وینئ او یوه جمله له نویو کلمو سره اورئ. د کلمو ترتیب ته ښه وګورئ. بیا یو نوی انځور وینئ. کلمې په سم ترتیب کش کړئ.',
    'family.woordvormen':
      'کله چې انځور بدلېږي، کلمه هم بدلېږي. وګورئ او واورئ چې کلمه څنګه بدلېږي. بیا همدا کار له یوې نوې کلمې سره وکړئ.',
    'family.klanken-tekens': 'هره نښه یو غږ لري. ښه غوږ ونیسئ. بیا یوه کلمه اورئ. نښې په سم ترتیب کش کړئ.',
    'family.regels-zien':
      'انځورونه د یوې قاعدې له مخې بدلېږي. ښه وګورئ چې څه بدلېږي. بیا همدا کار له نوي انځور سره وکړئ.',
    voorbeeld:
      'لومړی بېلګې ته وګورئ. تر اوسه اړتیا نشته چې څه وکړئ. غواړئ چې بیا یې وګورئ؟ نو په تڼۍ ټک وکړئ.',
    opgave: 'اوس ستاسو وار دی. کار مو پای ته ورساوه؟ نو په راتلونکې تڼۍ ټک وکړئ.',
    pause:
      'ازموینه د یوې شېبې لپاره ودرول شوې ده. اړتیا نشته چې څه وکړئ. ازموینه اخیستونکی به له تاسو سره مرسته وکړي.',
    end: 'ازموینه پای ته ورسېده. د ګډون له امله مو مننه. ازموینه اخیستونکی به ژر تاسو ته راشي.',
    'home.day':
      'د ازموینې په ورځ ښاروالۍ ته راځئ. د یوې سکرین مخې ته کېنئ او هېډفون په غوږونو کوئ. ازموینه اخیستونکی هر څه درته تشریح کوي او په تمرین کې درسره مرسته کوي. په دې ازموینه کې بریا یا ناکامي نشته. ازموینه ښيي چې تاسو څنګه ښه زده کړه کوئ.',
    'home.private': 'دا تمرین ستاسو په ټیلیفون کې پاتې کېږي. هېڅ شی نه لېږل کېږي. تمرین ستاسو نوم نه پوښتي.',
  },
  ui: {
    play: 'غږول',
    replay: 'بیا',
    next: 'راتلونکی',
    option: 'انتخاب {n}',
    tile: 'ټوټه {n}',
    slot: 'ځای {n}',
    target: 'هدف {n}',
    look: 'بېلګه',
    'your-turn': 'ستاسو وار',
    correct: 'سم',
    'try-again': 'بیا هڅه وکړئ',
    'call-afnemer': 'ازموینه اخیستونکی راوبولئ',
    progress: 'پرمختګ',
  },
};
