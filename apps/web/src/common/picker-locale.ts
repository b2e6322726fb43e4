import pickerVi from 'antd/es/date-picker/locale/vi_VN';

/**
 * The date picker in Vietnamese, with the month and year buttons named by what they show ("Th 07", "2027"): the
 * locale's "Chọn tháng" hides their text from a screen reader and voice control (axe: label-content-name-mismatch).
 */
export const pickerLocale = { ...pickerVi, lang: { ...pickerVi.lang, monthSelect: '', yearSelect: '' } };
