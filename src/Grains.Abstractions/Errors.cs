namespace WardTwin.Grains;

/// <summary>An exception as one line for a log or a status: the innermost cause's first line (Orleans embeds stack traces in its messages).</summary>
public static class Errors
{
    public static string OneLine(Exception ex)
    {
        var inner = ex;
        while (inner.InnerException is { } next)
        {
            inner = next;
        }

        string first = inner.Message.Split('\n', 2)[0].Trim();
        return inner == ex ? $"{ex.GetType().Name}: {first}" : $"{ex.GetType().Name} ({inner.GetType().Name}: {first})";
    }
}
