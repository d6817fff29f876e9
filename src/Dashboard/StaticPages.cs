using System.Reflection;

namespace WardTwin.Dashboard;

/// <summary>Serves the pages embedded in this assembly, so the dashboard works wherever its dll goes.</summary>
public static class StaticPages
{
    private static readonly Dictionary<string, string> Types = new(StringComparer.OrdinalIgnoreCase)
    {
        [".html"] = "text/html; charset=utf-8",
        [".js"] = "text/javascript; charset=utf-8",
        [".css"] = "text/css; charset=utf-8",
        [".svg"] = "image/svg+xml",
    };

    public static IResult Serve(string file)
    {
        string name = string.IsNullOrEmpty(file) ? "index.html" : file;
        if (name.Contains("..", StringComparison.Ordinal) || name.Contains('\\', StringComparison.Ordinal) || !Types.TryGetValue(Path.GetExtension(name), out var type))
        {
            return Results.NotFound();
        }

        var stream = typeof(StaticPages).Assembly.GetManifestResourceStream("wwwroot/" + name);
        return stream is null ? Results.NotFound() : Results.Stream(stream, type);
    }
}
