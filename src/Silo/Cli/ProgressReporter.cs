using System.Diagnostics;

namespace WardTwin.Silo.Cli;

/// <summary>Shows progress of a long run on stderr, at most once a second, so stdout stays clean for tables.</summary>
internal sealed class ProgressReporter(string label, int total)
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private long _lastReportMs = -1000;
    private readonly Lock _gate = new();

    public void Report(int done)
    {
        lock (_gate)
        {
            long now = _clock.ElapsedMilliseconds;
            if (now - _lastReportMs < 1000 && done < total)
            {
                return;
            }

            _lastReportMs = now;
            double rate = done / Math.Max(_clock.Elapsed.TotalSeconds, 1e-3);
            Console.Error.WriteLine($"{label}: {done}/{total} admissions ({100.0 * done / Math.Max(total, 1):0}%), {rate:0} /s");
        }
    }
}
