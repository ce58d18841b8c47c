/** 统一社会信用代码: the check lives with the other value rules (src/form/value-rules.ts), which the pages run too. */
export { isValidUscc, usccCheckCharacter as checkCharacter } from '../../form/value-rules';
