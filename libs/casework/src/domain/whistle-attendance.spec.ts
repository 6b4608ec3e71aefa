import { attendanceOf } from './whistle-attendance';

describe('attendanceOf', () => {
  const deadline = new Date('2026-11-27T10:30:00+08:00');
  const at = (time: string): Date => new Date(`2026-11-27T${time}+08:00`);

  it('counts an arrival by the deadline, to the millisecond, as on time', () => {
    expect(attendanceOf(deadline, at('10:05:00'), at('10:05:00'))).toBe('on_time');
    expect(attendanceOf(deadline, deadline, at('11:00:00'))).toBe('on_time');
  });

  it('counts an arrival after the deadline as late, whenever it is asked', () => {
    expect(attendanceOf(deadline, at('10:30:00.001'), at('10:31:00'))).toBe('late');
    expect(attendanceOf(deadline, at('12:00:00'), at('18:00:00'))).toBe('late');
  });

  it('waits until the deadline before calling a department absent', () => {
    expect(attendanceOf(deadline, null, at('10:00:00'))).toBe('pending');
    expect(attendanceOf(deadline, null, deadline)).toBe('pending');
    expect(attendanceOf(deadline, null, at('10:30:00.001'))).toBe('absent');
  });

  it('never lets the time of asking change an arrival already made', () => {
    const arrived = at('10:10:00');
    const answers = ['09:00:00', '10:10:00', '10:30:00', '23:59:59'].map((now) => attendanceOf(deadline, arrived, at(now)));
    expect(new Set(answers)).toEqual(new Set(['on_time']));
  });
});
