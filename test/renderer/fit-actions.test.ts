// The rule that decides which actions leave a bar for its "More actions" menu, from widths alone.
import { overflowingActions, type MeasuredAction } from '../../renderer/src/layout/fit-actions';

// A toolbar as it is: Notifications (least important), Refresh all (most), Sign out of all.
const toolbar: MeasuredAction[] = [
  { id: 'notifications', priority: 50, width: 140 },
  { id: 'refresh-all', priority: 10, width: 110 },
  { id: 'sign-out-all', priority: 20, width: 130 },
];
const fit = (available: number, actions = toolbar) => overflowingActions({ actions, available, gap: 8, moreWidth: 32 });

test('everything stays when everything fits, to the pixel', () => {
  expect(fit(140 + 8 + 110 + 8 + 130)).toEqual([]);
  expect(fit(2000)).toEqual([]);
});

test('one pixel short, the least important action leaves and the More button takes a place', () => {
  expect(fit(140 + 8 + 110 + 8 + 130 - 1)).toEqual(['notifications']);
  // Refresh all + Sign out of all + More: 110 + 8 + 130 + 8 + 32.
  expect(fit(288)).toEqual(['notifications']);
  expect(fit(287)).toEqual(['notifications', 'sign-out-all']);
});

test('the most important action is the last to go; then only the More button is left', () => {
  expect(fit(110 + 8 + 32)).toEqual(['notifications', 'sign-out-all']);
  expect(fit(110 + 8 + 32 - 1)).toEqual(['notifications', 'refresh-all', 'sign-out-all']);
  expect(fit(20)).toEqual(['notifications', 'refresh-all', 'sign-out-all']);
});

test('the menu lists what left in the order of the bar, whatever the order of leaving', () => {
  const bar: MeasuredAction[] = [
    { id: 'a', priority: 30, width: 100 },
    { id: 'b', priority: 10, width: 100 },
    { id: 'c', priority: 40, width: 100 },
    { id: 'd', priority: 20, width: 100 },
  ];
  expect(fit(100 + 8 + 100 + 8 + 32, bar)).toEqual(['a', 'c']);
});

test('among equals the action further left stays', () => {
  const bar: MeasuredAction[] = [
    { id: 'first', priority: 10, width: 100 },
    { id: 'second', priority: 10, width: 100 },
  ];
  expect(fit(150, bar)).toEqual(['second']);
});

test('a narrower, less important action takes the room a wide one that cannot fit leaves', () => {
  const bar: MeasuredAction[] = [
    { id: 'wide', priority: 10, width: 400 },
    { id: 'narrow', priority: 20, width: 60 },
    { id: 'least', priority: 30, width: 200 },
  ];
  // More (32) + narrow (8 + 60) = 100; adding "least" would take 308.
  expect(fit(300, bar)).toEqual(['wide', 'least']);
});

test('a bar not yet laid out (no width) keeps everything', () => {
  expect(fit(0)).toEqual([]);
  expect(overflowingActions({ actions: [], available: 100, gap: 8, moreWidth: 32 })).toEqual([]);
});
