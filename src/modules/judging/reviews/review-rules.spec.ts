import { presetTree } from '../rubrics/rubric-presets';
import type { RubricTree } from '../rubrics/rubric-tree';
import { patchReview, ratingChanges, submitIssues, type ReviewDocument } from './review-rules';

const empty: ReviewDocument & { state: string } = { ratings: {}, comments: {}, overallComment: null, state: 'draft' };

const mixed: RubricTree = {
  scoring: 'points',
  groups: [
    {
      key: 'g',
      label: { zh: '组', en: 'Group' },
      criteria: [
        {
          key: 's',
          label: { zh: '量表', en: 'Scale' },
          weight: 1,
          type: 'scale',
          min: 0,
          max: 10,
          step: 0.5,
          sections: ['strategy'],
          commentRequiredAtExtremes: true,
        },
        { key: 'y', label: { zh: '是否', en: 'Yes/no' }, weight: 1, type: 'yesno', sections: [] },
        { key: 'd', label: { zh: '双评', en: 'Dual' }, weight: 1, type: 'dual_rate', sections: [] },
      ],
    },
  ],
};

describe('patchReview', () => {
  it('takes ratings of each type on their scale and merges like RFC 7396', () => {
    const first = patchReview(mixed, empty, { ratings: { s: 7.5, y: true, d: { c: 10, f: 5 } }, comments: { s: '好' } });
    expect(first.errors).toEqual([]);
    expect(first.next).toEqual({ ratings: { s: 7.5, y: true, d: { c: 10, f: 5 } }, comments: { s: '好' }, overallComment: null });
    const second = patchReview(mixed, { ...first.next!, state: 'draft' }, { ratings: { y: null }, overallComment: '整体不错' });
    expect(second.next).toEqual({ ratings: { s: 7.5, d: { c: 10, f: 5 } }, comments: { s: '好' }, overallComment: '整体不错' });
  });

  it('names every offending member: off the step, out of range, wrong type, unknown key, state', () => {
    const { errors } = patchReview(mixed, empty, {
      ratings: { s: 7.3, y: 1, d: { c: 10, f: 7 }, nope: 3 },
      comments: { nope: 'x', s: 5 },
      overallComment: 'x'.repeat(20001),
      state: 'submitted',
      extra: 1,
    });
    expect(errors.map((e) => [e.path, e.code])).toEqual(
      expect.arrayContaining([
        ['ratings.s', 'rating_scale'],
        ['ratings.y', 'rating_type'],
        ['ratings.d', 'rating_type'],
        ['ratings.nope', 'rating_unknown'],
        ['comments.nope', 'rating_unknown'],
        ['comments.s', 'invalid'],
        ['overallComment', 'too_long'],
        ['state', 'read_only'],
        ['extra', 'unknown_field'],
      ]),
    );
    expect(patchReview(mixed, empty, { ratings: { s: 10.5 } }).errors).toEqual([
      { path: 'ratings.s', code: 'rating_scale', params: { min: 0, max: 10, step: 0.5 } },
    ]);
    expect(patchReview(mixed, empty, { ratings: { s: '7' } }).errors[0]).toMatchObject({ path: 'ratings.s', code: 'rating_type' });
    expect(patchReview(mixed, empty, [1]).errors).toEqual([{ path: '', code: 'invalid' }]);
  });
});

describe('submitIssues', () => {
  it('lists unrated criteria and missing comments at the extremes', () => {
    expect(submitIssues(mixed, { ratings: { s: 10 }, comments: {}, overallComment: null }).map((e) => e.path)).toEqual([
      'ratings.y',
      'ratings.d',
      'comments.s',
    ]);
    expect(
      submitIssues(mixed, { ratings: { s: 10, y: false, d: { c: 0, f: 0 } }, comments: { s: '满分理由' }, overallComment: null }),
    ).toEqual([]);
    expect(submitIssues(mixed, { ratings: { s: 5, y: true, d: { c: 5, f: 5 } }, comments: {}, overallComment: null })).toEqual([]);
  });

  it('the default preset: every one of its ten criteria must be rated', () => {
    expect(submitIssues(presetTree('top-ten-default'), { ratings: {}, comments: {}, overallComment: null })).toHaveLength(10);
  });
});

it('ratingChanges names what changed', () => {
  expect(ratingChanges({ a: 1, b: 2 }, { a: 1, b: 3, c: true })).toEqual({ b: { from: 2, to: 3 }, c: { from: null, to: true } });
});
