using MailAssist.Api.Stats;
using MailAssist.Tests.Infrastructure;

namespace MailAssist.Tests.Stats;

public sealed class StatsPeriodTests
{
    [Test]
    public void Left_out_the_period_is_twelve_weeks_up_to_today_in_Oslo()
    {
        // 23:30 UTC on Sunday 22 November is 00:30 on Monday 23 November in Oslo.
        var (period, errors) = StatsPeriod.Read(null, null, new FixedTime(new DateTimeOffset(2026, 11, 22, 23, 30, 0, TimeSpan.Zero)));

        Assert.That(errors, Is.Empty);
        Assert.That(period, Is.EqualTo(new StatsPeriod(new DateOnly(2026, 9, 7), new DateOnly(2026, 11, 23))));
    }

    [Test]
    public void A_calendar_year_is_read_from_monthly_rows_only()
    {
        var segments = new StatsPeriod(new DateOnly(2025, 1, 1), new DateOnly(2025, 12, 31)).Segments();

        Assert.That(segments, Is.EqualTo(new[] { new RollupSegment(true, new DateOnly(2025, 1, 1), new DateOnly(2026, 1, 1), 1) }));
    }

    [Test]
    public void Segments_count_every_day_of_the_period_once_and_no_other_day_reading_at_most_a_month_of_daily_rows()
    {
        var random = new Random(7);
        for (var i = 0; i < 2000; i++)
        {
            var from = new DateOnly(2023, 1, 1).AddDays(random.Next(0, 1100));
            var period = new StatsPeriod(from, from.AddDays(random.Next(0, 800)));

            var segments = period.Segments();

            var coverage = new Dictionary<DateOnly, int>();
            foreach (var segment in segments)
                for (var day = segment.Start; day < segment.End; day = day.AddDays(1))
                    coverage[day] = coverage.GetValueOrDefault(day) + segment.Sign;
            var wrong = coverage.Where(c => c.Value != (c.Key >= period.From && c.Key <= period.To ? 1 : 0)).Select(c => c.Key).ToList();
            var missing = Enumerable.Range(0, period.To.DayNumber - period.From.DayNumber + 1).Select(period.From.AddDays).Where(d => !coverage.ContainsKey(d));
            Assert.That(wrong.Concat(missing), Is.Empty, $"{period}");
            Assert.That(segments.Where(s => s.Monthly).All(s => s.Start.Day == 1 && s.End.Day == 1), Is.True, $"{period}");
            Assert.That(segments.Where(s => !s.Monthly).Sum(s => s.End.DayNumber - s.Start.DayNumber), Is.AtMost(31), $"{period}");
        }
    }
}
