import { francAll } from 'franc-min';
import { describe, expect, it } from 'vitest';
import { rankLanguages } from './language-rank.js';

const SAMPLES = [
  'The government announced on Thursday that it would raise interest rates again, citing inflation.',
  'Die Regierung kündigte am Donnerstag an, die Zinsen erneut anzuheben, und verwies auf die Inflation.',
  'Le gouvernement a annoncé jeudi qu’il relèverait de nouveau les taux d’intérêt, invoquant l’inflation.',
  'El gobierno anunció el jueves que volvería a subir los tipos de interés, citando la inflación.',
  'O governo anunciou na quinta-feira que voltaria a subir as taxas de juro, citando a inflação.',
  'Il governo ha annunciato giovedì che alzerà di nuovo i tassi di interesse, citando l’inflazione.',
  'Pemerintah mengumumkan pada hari Kamis bahwa suku bunga akan dinaikkan lagi karena inflasi.',
  'Правительство в четверг объявило, что снова повысит процентные ставки, сославшись на инфляцию.',
  'Уряд у четвер оголосив, що знову підвищить відсоткові ставки, посилаючись на інфляцію.',
  'أعلنت الحكومة يوم الخميس أنها سترفع أسعار الفائدة مرة أخرى بسبب التضخم المرتفع.',
  'सरकार ने गुरुवार को घोषणा की कि वह मुद्रास्फीति के कारण ब्याज दरें फिर से बढ़ाएगी।',
  '정부는 목요일 인플레이션을 이유로 금리를 다시 인상하겠다고 발표했다.',
  '政府は木曜日、インフレを理由に再び金利を引き上げると発表した。',
  '新华社北京电 国家主席习近平今天在人民大会堂会见了来访的外国领导人。',
  'Η κυβέρνηση ανακοίνωσε την Πέμπτη ότι θα αυξήσει ξανά τα επιτόκια.',
  // mixed scripts, digits and punctuation only, repeats, very short, empty
  'Москва Moscow Москва Moscow 2024!!! — “quoted” text, with 12,000 numbers.',
  '1234567890 !!! ??? ... 42',
  'aaa aaa aaa aaa aaa aaa aaa aaa aaa aaa aaa aaa',
  'short',
  '',
];

describe('rankLanguages', () => {
  it('gives exactly what francAll gives', () => {
    for (const sample of SAMPLES) {
      for (const minLength of [3, 10, 60]) {
        expect(rankLanguages(sample, minLength)).toEqual(francAll(sample, { minLength }));
      }
    }
  });
  it('agrees on longer texts made of several samples', () => {
    const long = SAMPLES.slice(0, 8).join(' ').repeat(3);
    expect(rankLanguages(long)).toEqual(francAll(long));
    expect(rankLanguages(long)[0][0]).not.toBe('und');
  });
});
