using System.Globalization;
using System.Text.RegularExpressions;
using OpenQA.Selenium;
using Xunit.Abstractions;

namespace WardTwin.EndToEnd.Tests;

/// <summary>
/// One read path: the trainee's, instructor's and patient pages are fed by the ward's push feed, so an open page on
/// a quiet ward costs the silo no grain calls (counted by the silo's own wardtwin_grain_calls_total), and what
/// the ward does reaches the page without it asking.
/// </summary>
public sealed partial class IdlePageTests(ITestOutputHelper output)
{
    private const double Window = 8;

    [Fact]
    public async Task Open_pages_on_a_paused_training_ward_cost_no_grain_calls_and_the_ward_moving_again_reaches_them()
    {
        await using var silo = await RunningSilo.StartAsync(null, "127.0.0.1", "--scenario", "erasmus-day1-hallucinations", "--trainees", "ann", "--session", "quiet", "--ward", "quiet.ann");
        var paused = await silo.Http.PostAsync(silo.BaseUrl + "/api/training/quiet/pause", Json());
        Assert.True(paused.IsSuccessStatusCode, await paused.Content.ReadAsStringAsync());

        // What the silo does by itself (monitors, the ward keeper, subscriptions), with no page open.
        double without = await CallsPerSecond(silo);

        using var browser = Chromium.Browser("1500,1400");
        var wait = Chromium.Wait(browser);
        browser.Navigate().GoToUrl(silo.BaseUrl + "/trainee.html?session=quiet&trainee=ann");
        var bed = wait.Until(d => d.FindElements(By.CssSelector("section.bed[data-bed='1']")).FirstOrDefault());
        wait.Until(_ => bed.Text.Contains("mg/h set", StringComparison.Ordinal) && bed.Text.Contains("sedation:", StringComparison.Ordinal));
        wait.Until(d => int.TryParse(bed.FindElement(By.CssSelector(".num.hr")).Text, out _)); // the monitor's last reading, though the ward is paused
        string clock = browser.FindElement(By.Id("clock")).Text;
        Assert.Contains("(paused)", clock, StringComparison.Ordinal);
        string trainee = browser.CurrentWindowHandle;
        browser.SwitchTo().NewWindow(WindowType.Tab);
        browser.Navigate().GoToUrl(silo.BaseUrl + "/instructor.html?session=quiet");
        wait.Until(d => d.FindElements(By.CssSelector("section.trainee[data-trainee='ann'] table.record")).Count == 1);
        browser.SwitchTo().NewWindow(WindowType.Tab);
        browser.Navigate().GoToUrl(silo.BaseUrl + "/patient.html?id=quiet.ann/0");
        wait.Until(d => d.FindElement(By.Id("pump-view")).Text.Contains("mg/h", StringComparison.Ordinal));
        double with = await CallsPerSecond(silo);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"grain calls/s: {without:0.00} with no page open, {with:0.00} with the trainee, instructor and patient pages open on a paused ward"));
        Assert.True(with - without < 0.5, $"open pages on a paused ward made {with - without:0.00} grain calls/s more ({without:0.00} -> {with:0.00})");

        // The ward moves again: its clock reaches the open page by the feed alone.
        var resumed = await silo.Http.PostAsync(silo.BaseUrl + "/api/training/quiet/resume", Json());
        Assert.True(resumed.IsSuccessStatusCode);
        browser.SwitchTo().Window(trainee);
        wait.Until(d => !d.FindElement(By.Id("clock")).Text.Contains("(paused)", StringComparison.Ordinal));
        wait.Until(_ => bed.Text.Contains("next titration review", StringComparison.Ordinal));
        Chromium.Shot(browser, "training-trainee-pushed");
    }

    private static StringContent Json() => new("{}", System.Text.Encoding.UTF8, "application/json");

    /// <summary>Grain calls per second the silo received over a window, from its /metrics.</summary>
    private static async Task<double> CallsPerSecond(RunningSilo silo)
    {
        double before = await Calls(silo);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        await Task.Delay(TimeSpan.FromSeconds(Window)); // a rate needs a window of time; nothing here waits for a state
        double after = await Calls(silo);
        return (after - before) / clock.Elapsed.TotalSeconds;
    }

    private static async Task<double> Calls(RunningSilo silo)
    {
        string metrics = await silo.Http.GetStringAsync(silo.BaseUrl + "/metrics");
        return CallLine().Matches(metrics).Sum(m => double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture));
    }

    [GeneratedRegex(@"^wardtwin_grain_calls_total\{[^}]*\} ([0-9.e+]+)$", RegexOptions.Multiline)]
    private static partial Regex CallLine();
}
