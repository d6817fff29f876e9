using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace WardTwin.Dashboard.Api;

/// <summary>
/// Words for problems the framework raises itself. Annotation checks report C# property names ("RateMgPerH"); a
/// caller wrote the JSON name ("rateMgPerH"), so the problem's keys and messages use that, and <c>detail</c> lists
/// them in one line for pages that show one message. Kestrel's own 413 gets the limit.
/// </summary>
public static class ProblemWording
{
    public static void Apply(ProblemDetailsContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.ProblemDetails.Status == StatusCodes.Status413PayloadTooLarge)
        {
            context.ProblemDetails.Detail ??= $"body too large (over {ApiLimits.MaxBodyBytes / 1024} KiB)";
        }

        if (context.ProblemDetails is not HttpValidationProblemDetails validation || validation.Errors.Count == 0)
        {
            return;
        }

        var renamed = validation.Errors.ToDictionary(
            e => JsonName(e.Key),
            e => e.Value.Select(m => m.Replace(e.Key, JsonName(e.Key), StringComparison.Ordinal)).ToArray());
        validation.Errors.Clear();
        foreach (var (key, messages) in renamed)
        {
            validation.Errors[key] = messages;
        }

        validation.Detail ??= string.Join("; ", renamed.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}"));
    }

    private static string JsonName(string path) => string.Join('.', path.Split('.').Select(JsonNamingPolicy.CamelCase.ConvertName));
}
