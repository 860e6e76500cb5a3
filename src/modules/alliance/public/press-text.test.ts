import { describe, expect, it } from 'vitest';
import { pressText, shareInWords } from './press-text.js';

describe('press text', () => {
  it('words the share like the press office does', () => {
    expect(shareInWords(56, 133)).toBe('über ein Drittel');
    expect(shareInWords(45, 125)).toBe('über ein Drittel');
    expect(shareInWords(70, 133)).toBe('über die Hälfte');
    expect(shareInWords(10, 20)).toBe('die Hälfte');
    expect(shareInWords(5, 133)).toBeNull();
  });

  it('reproduces the background block of the press release of 22.07.2022', () => {
    const { title, text } = pressText({ asOf: '2022-07-22', communesAdvised: 133, communesCooperating: 56, councils: 28, agreements: 40, coachingProcesses: 38, safetyAnalyses: 25, fundingCommitted: 0 });
    expect(title).toBe('Hintergrundinformationen zu »ASSKomm«');
    expect(text).toContain('inzwischen bereits 133 Kommunen zu Fragen von Prävention und Sicherheit beraten, wovon über ein Drittel (56) eng mit »ASSKomm« zusammenarbeitet.');
    expect(text).toContain('In 28 Kommunen hat sich zudem ein Kommunaler Präventionsrat konstituiert oder ist reaktiviert worden.');
    expect(text).toContain('40 Kooperationsvereinbarungen wurden geschlossen, 38 »ASSKomm«-Coaching-Prozesse in Gang gesetzt und 25 Sicherheitsanalysen durchgeführt.');
    expect(text).not.toContain('Fördermittel in Höhe von 0');
    expect(text).toContain('Stand der Zahlen: 22.07.2022');
  });

  it('states committed funding with German thousands separators', () => {
    const { text } = pressText({ asOf: '2023-12-31', communesAdvised: 150, communesCooperating: 60, councils: 30, agreements: 44, coachingProcesses: 45, safetyAnalyses: 30, fundingCommitted: 1234567 });
    expect(text).toContain('Fördermittel in Höhe von 1.234.567 Euro bewilligt');
  });
});
