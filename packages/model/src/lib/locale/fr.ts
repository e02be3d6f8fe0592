import type {Labels} from './types.js'

// French typography: a no-break space (U+00A0) before a colon, a narrow
// no-break space (U+202F) before ; ! ? and inside « guillemets ».
const nbsp = '\u00A0'
const thin = '\u202F'

/** French: « guillemets », dates `6 mars 1918`, lists `A, B et C`. */
export const french: Labels = {
  language: 'fr-FR',
  colon: `${nbsp}: `,
  semicolon: `${thin}; `,
  roles: {
    aut: 'Par',
    edt: 'Édition établie par',
    trl: 'Traduit par',
    ctb: 'Avec des contributions de',
    aui: 'Introduction de',
    pbl: 'Publié par'
  },
  model: {
    preface: 'Préface',
    corrections: 'Corrections',
    correctionsIntro: 'La leçon de l’édition, liée à sa place dans le texte, puis la leçon de la source et la raison de la correction.',
    correctionFor: 'pour',
    emendation: 'conjecture des éditeurs',
    bibliography: 'Bibliographie',
    cited: `Cité${nbsp}:`,
    index: 'Index des noms de personnes',
    timeline: 'Chronologie',
    quotedHeading: 'Cité dans la présente édition',
    quotedIn: 'cité dans',
    citing: 'renvoyant à',
    seeNote: 'Voir la note',
    inWork: 'dans',
    pageAbbr: 'p.',
    lineAbbr: 'l.',
    sourcesDisagree: `Les sources divergent${nbsp}:`,
    noteSources: 'Sources',
    openQuote: `«${thin}`,
    closeQuote: `${thin}»`,
    sourceNote: 'Source',
    sourceTitle: 'Titre dans la source',
    sourceName: '{title} ({publisher})',
    dated: 'Daté de',
    history: 'Historique de publication',
    captionDropped: `Image non reproduite${thin}; sa légende dans la source est`
  },
  html: {
    skip: 'Aller au texte',
    contents: 'Sommaire',
    previous: 'Précédent',
    next: 'Suivant',
    siteNavigation: 'Édition',
    pageNavigation: 'Page précédente et page suivante',
    sectionLink: 'Lien vers cette section',
    author: 'Auteur',
    authors: 'Auteurs',
    date: 'Date',
    source: 'Source',
    rights: 'Droits',
    history: 'Historique de la publication',
    notes: 'Notes',
    note: 'Note',
    backToNote: 'Retour au texte, note',
    conflict: 'Sources divergentes',
    sourceReads: `Source${nbsp}:`,
    showSic: 'Afficher les leçons de la source à côté des corrections',
    editorial: 'Ajout des éditeurs de la présente édition',
    download: 'Télécharger',
    downloadEpub: 'EPUB (livre numérique)',
    downloadPdf: 'PDF (édition imprimée)',
    search: 'Rechercher',
    searchField: 'Mots à chercher',
    searchNoScript: `La recherche se fait dans votre navigateur${nbsp}: elle demande JavaScript.`,
    searchFound: `Passages trouvés${nbsp}: {count}`,
    searchNone: 'Aucun résultat.'
  },
  epub: {
    contents: 'Table des matières',
    landmarks: 'Repères',
    pageList: 'Pages de l’édition imprimée',
    printEdition: '{title}, édition imprimée ({file})',
    cover: 'Couverture',
    titlePage: 'Page de titre',
    startOfReading: 'Début de la lecture',
    backMatter: 'Annexes',
    colophon: 'À propos de cette édition',
    rights: 'Droits',
    sources: 'Sources',
    fontLicence: 'Licence de la police',
    setIn: `Composé en {font}, utilisée selon les termes de la {licence}${thin}; sa licence est reproduite à la fin du livre.`,
    identifier: 'Identifiant',
    coverDescription: `Couverture${nbsp}: {text}`,
    imageLeftOut: `Image non incluse${nbsp}: {alt}`,
    accessibilitySummary:
      'Texte seul, à l’exception d’une image de couverture générée, dotée d’une alternative textuelle. ' +
      `Les titres, une table des matières et des repères donnent la structure${thin}; les notes sont liées dans les deux sens${thin}; ` +
      'chaque document, et chaque œuvre ou passage dans une autre langue, est marqué de sa langue. ' +
      'Le système de lecture peut agrandir le texte et en changer la présentation.',
    accessibilitySummaryImages:
      'Texte, avec les images de ses sources, chacune avec la description que lui donne sa source, et une image de couverture générée, dotée d’une alternative textuelle. ' +
      `Les titres, une table des matières et des repères donnent la structure${thin}; les notes sont liées dans les deux sens${thin}; ` +
      'chaque document, et chaque œuvre ou passage dans une autre langue, est marqué de sa langue. ' +
      'Le système de lecture peut agrandir le texte et en changer la présentation.'
  },
  pdf: {
    contents: 'Table des matières',
    editedBy: 'Édition établie par',
    publishedBy: 'Publié par',
    sources: 'Sources',
    typeset: 'Composé en EB Garamond et PT Mono.',
    retrieved: 'consulté le',
    note: 'Note',
    backToText: 'Retour au texte de la note',
    page: 'page'
  }
}
