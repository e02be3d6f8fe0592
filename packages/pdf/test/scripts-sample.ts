/**
 * Sample text in the scripts the book's fonts lack, written for these tests:
 * common words and a sentence in each, numbers inside right-to-left text, and emoji.
 */
export const samples = {
  hebrew: 'שלום עולם. הספר הזה נכתב בשנת 1948 בירושלים.',
  arabic: 'مرحبا بالعالم. كتب هذا الكتاب في سنة 1948 في القاهرة.',
  devanagari: 'नमस्ते दुनिया। यह पुस्तक क्षत्रिय राजा के बारे में है।',
  thai: 'สวัสดีชาวโลก หนังสือเล่มนี้เขียนขึ้นที่กรุงเทพมหานคร',
  chinese: '你好，世界。这本书是在北京写的，讲的是工人和农民的历史。',
  japanese: 'こんにちは世界。この本は東京で書かれました。',
  // 說 and 結 are in the one Noto SC slice fontkit cannot read as WOFF (they were left out of the PDF).
  traditional: '他說：「這本書結束了。」',
  emoji: 'Readers loved it 😀 and shared it 📚 widely 🎉.'
} as const

export const allScripts = Object.values(samples).join('\n\n')
