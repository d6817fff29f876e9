namespace WardTwin.Dashboard;

/// <summary>The pages, scripts and styles embedded in this assembly, read as text (for files that inline them).</summary>
public static class EmbeddedPages
{
    public static string Read(string name)
    {
        using var stream = typeof(EmbeddedPages).Assembly.GetManifestResourceStream("wwwroot/" + name)
            ?? throw new InvalidOperationException($"the dashboard was built without wwwroot/{name}");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
