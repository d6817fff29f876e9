using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;

namespace WardTwin.EndToEnd.Tests;

/// <summary>
/// Headless Chromium as an instructor and a trainee: the instructor starts a scenario for two trainees and injects an
/// event, a trainee answers it on their ward, and the debrief shows the score, the evidence and the timeline.
/// </summary>
public sealed class TrainingBrowserTests
{
    private static ChromeDriver Browser() => Chromium.Browser("1500,1400");

    private static void Shot(ChromeDriver b, string name) => Chromium.Shot(b, name);

    /// <summary>Picks an option of a select as a user would, and tells the page it changed.</summary>
    private static void Choose(ChromeDriver b, string id, string value)
    {
        var select = b.FindElement(By.Id(id));
        select.FindElements(By.TagName("option")).First(o => o.GetAttribute("value") == value).Click();
        Assert.Equal(value, select.GetAttribute("value"));
    }


    [Fact]
    public async Task An_instructor_starts_a_scenario_for_two_trainees_injects_an_event_a_trainee_answers_and_the_debrief_shows_it()
    {
        await using var silo = await RunningSilo.StartAsync(null, "127.0.0.1", "--beds", "1", "--time-scale", "1");
        using var browser = Browser();
        var wait = Chromium.Wait(browser);

        // The instructor starts the Erasmus scenario for ann and ben.
        browser.Navigate().GoToUrl(silo.BaseUrl + "/instructor.html");
        wait.Until(d => d.FindElements(By.CssSelector("#scenario option")).Count >= 3);
        Choose(browser, "scenario", "erasmus-day1-hallucinations");
        var sessionBox = browser.FindElement(By.Id("session"));
        sessionBox.Clear();
        sessionBox.SendKeys("e2e");
        browser.FindElement(By.Id("start")).Click();
        wait.Until(d => d.FindElements(By.CssSelector("section.trainee")).Count == 2);

        // ...and injects the hallucinations on ann's ward only.
        wait.Until(d => d.FindElements(By.CssSelector("#target option")).Count == 3);
        Choose(browser, "event", "hallucinations");
        Choose(browser, "target", "ann");
        browser.FindElement(By.Id("inject")).Click();
        wait.Until(d => d.FindElement(By.Id("ctlMsg")).Text.Contains("injected hallucinations", StringComparison.Ordinal));
        wait.Until(d => d.FindElement(By.CssSelector("section[data-trainee='ann'] table.record")).Text.Contains("event hallucinations (instructor)", StringComparison.Ordinal));
        Assert.DoesNotContain("hallucinations", wait.Until(d => d.FindElement(By.CssSelector("section[data-trainee='ben'] table.record")).Text), StringComparison.Ordinal);
        Shot(browser, "training-instructor");

        // Ann sees it on her ward: severe psychotomimetic effects on bed 1.
        browser.Navigate().GoToUrl(silo.BaseUrl + "/trainee.html?session=e2e&trainee=ann");
        IWebElement Bed() => browser.FindElement(By.CssSelector("section.bed[data-bed='1']"));
        wait.Until(_ => Bed().Text.Contains("psychotomimetic severe", StringComparison.Ordinal));

        // An empty rate is refused in the page and nothing is sent.
        Bed().FindElements(By.TagName("button")).First(b => b.Text == "Set rate").Click();
        wait.Until(d => d.FindElement(By.Id("msg")).Text.Contains("rate: enter a number", StringComparison.Ordinal));

        // She lowers the rate and gives midazolam.
        Bed().FindElement(By.CssSelector("input[aria-label='bed 1 rate mg/h']")).SendKeys("2");
        Bed().FindElements(By.TagName("button")).First(b => b.Text == "Set rate").Click();
        wait.Until(d => d.FindElement(By.Id("msg")).Text.Contains("set-rate 2 done", StringComparison.Ordinal));
        Bed().FindElements(By.TagName("button")).First(b => b.Text == "Give").Click();
        wait.Until(d => d.FindElement(By.Id("msg")).Text.Contains("midazolam 2 done", StringComparison.Ordinal));
        wait.Until(_ => Bed().Text.Contains("2.0 mg/h set", StringComparison.Ordinal));
        Assert.NotEmpty(Bed().FindElements(By.CssSelector(".monitor canvas")));
        Shot(browser, "training-trainee-ward");

        // The debrief shows the score, both answers as met, and the course beside the protocol's.
        browser.Navigate().GoToUrl(silo.BaseUrl + "/debrief.html?session=e2e&trainee=ann");
        var score = wait.Until(d => d.FindElements(By.Id("score")).FirstOrDefault());
        Assert.Matches(@"^score \d+ %$", score.Text);
        var rubric = browser.FindElement(By.TagName("main")).Text;
        Assert.Contains("met: psychotomimetic severe; ann: midazolam 2", rubric, StringComparison.Ordinal);
        Assert.Contains("met: psychotomimetic severe; ann: set-rate 2", rubric, StringComparison.Ordinal);
        Assert.Contains("the trainee's course and the protocol's own", rubric, StringComparison.Ordinal);
        Assert.True(browser.FindElements(By.CssSelector(".chartbox canvas")).Count >= 4);
        Shot(browser, "training-debrief");

        // The export stands alone: the chart library and the data are inside it, nothing is fetched.
        string export = await silo.Http.GetStringAsync(silo.BaseUrl + "/api/training/e2e/ann/debrief.html");
        Assert.Contains("renderDebrief({", export, StringComparison.Ordinal);
        Assert.Contains("Chart.js", export, StringComparison.Ordinal);
        Assert.DoesNotContain("src=\"/", export, StringComparison.Ordinal);
        string file = Path.Combine(Cli.TempDir(), "debrief.html");
        await File.WriteAllTextAsync(file, export);
        browser.Navigate().GoToUrl("file://" + file);
        wait.Until(d => d.FindElements(By.Id("score")).FirstOrDefault()?.Text.StartsWith("score", StringComparison.Ordinal) == true);
        Shot(browser, "training-debrief-export");
    }
}

/// <summary>`run --scenario` from the command line: a bad scenario is refused before any silo starts.</summary>
public sealed class RunScenarioCommandTests
{
    [Fact]
    public async Task An_unknown_scenario_is_refused_naming_the_known_ones()
    {
        var run = await Cli.Run(TimeSpan.FromMinutes(2), "run", "--scenario", "no-such-scenario", "--for", "1");
        Assert.Equal(2, run.ExitCode); // the data-file error code, as for an unknown protocol
        Assert.Contains("--scenario: no-such-scenario: unknown scenario id; known ids: erasmus-day1-hallucinations", run.Stderr, StringComparison.Ordinal);
    }
}
