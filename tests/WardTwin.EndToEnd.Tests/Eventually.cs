namespace WardTwin.EndToEnd.Tests;

/// <summary>Waits on a condition (never a fixed sleep), failing with what it waited for and the last thing it saw.</summary>
internal static class Eventually
{
    public static async Task Holds(Func<Task<(bool Ok, string Seen)>> check, string what, int seconds)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        string seen = string.Empty;
        while (DateTime.UtcNow < deadline)
        {
            (bool ok, seen) = await check();
            if (ok)
            {
                return;
            }

            await Task.Delay(250);
        }

        Assert.Fail($"timed out after {seconds} s waiting for {what}; last seen: {seen}");
    }
}
