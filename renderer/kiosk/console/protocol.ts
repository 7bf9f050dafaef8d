/**
 * The protocol: the fixed words the afnemer reads aloud before the hand-over, the same for every candidate
 * (the research found each afnemer explaining the test in their own words). Spoken in Dutch; an interpreter
 * translates it sentence by sentence and adds nothing.
 */
export const PROTOCOL_PARAGRAPHS: readonly string[] = [
  'Welkom. U gaat nu een toets maken op deze computer. De toets laat zien hoe u nieuwe dingen leert. Het is geen taaltoets: u hoeft geen Nederlands te kennen.',
  'U ziet plaatjes en u hoort geluiden. Eerst ziet u steeds een voorbeeld: een hand laat zien wat u moet doen. Daarna bent u zelf aan de beurt.',
  'Tik op de grote blauwe knop om het voorbeeld te zien en te horen. Tik op de groene knop met de pijl om verder te gaan.',
  'U begint met een paar oefeningen. Daarbij mag ik u helpen. Bij de toets zelf mag ik u niet meer helpen.',
  'Neem rustig de tijd. Als u klaar bent, ziet u een plaatje dat zegt: roep de afnemer. Roep mij dan.',
];

/** For the afnemer only: shown beside the text, not read aloud. */
export const PROTOCOL_NOTE =
  'Lees de tekst hierboven letterlijk voor. Is er een tolk? Laat de tolk zin voor zin vertalen, zonder iets toe te voegen. Beantwoord vragen over de bediening; geef geen hulp bij de opgaven.';
