using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;
using OpenQA.Selenium.Support.UI;

namespace WardTwin.EndToEnd.Tests;

/// <summary>Debian's headless Chromium through its chromedriver, as every browser test drives it, and where its screenshots go.</summary>
internal static class Chromium
{
    public static ChromeDriver Browser(string windowSize = "1600,1100")
    {
        var options = new ChromeOptions { BinaryLocation = "/usr/bin/chromium" };
        options.AddArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--autoplay-policy=no-user-gesture-required", $"--window-size={windowSize}", $"--user-data-dir={Cli.TempDir()}");
        var service = ChromeDriverService.CreateDefaultService("/usr/bin", "chromedriver");
        service.SuppressInitialDiagnosticInformation = true;
        return new ChromeDriver(service, options, TimeSpan.FromSeconds(60));
    }

    /// <summary>
    /// A wait on a condition that outlives the page re-rendering what it looks at: pages replace tables and lists as
    /// pushes arrive, so an element found a moment ago may be gone when it is read; the wait then looks again.
    /// </summary>
    public static WebDriverWait Wait(ChromeDriver browser, int seconds = 30)
    {
        var wait = new WebDriverWait(browser, TimeSpan.FromSeconds(seconds));
        wait.IgnoreExceptionTypes(typeof(NoSuchElementException), typeof(StaleElementReferenceException));
        return wait;
    }

    /// <summary>Kept as a test artefact in artifacts/screenshots/.</summary>
    public static void Shot(ChromeDriver browser, string name)
    {
        string dir = Path.Combine(Cli.RepositoryRoot, "artifacts", "screenshots");
        Directory.CreateDirectory(dir);
        browser.GetScreenshot().SaveAsFile(Path.Combine(dir, name + ".png"));
    }

    /// <summary>How many data points a Chart.js chart on the page draws (-1 when there is no such chart).</summary>
    public static long ChartPoints(ChromeDriver browser, string canvasId) =>
        (long)browser.ExecuteScript($"const c = Chart.getChart('{canvasId}'); return c ? c.data.datasets.reduce((n, d) => n + d.data.filter(x => x !== null).length, 0) : -1;")!;
}
