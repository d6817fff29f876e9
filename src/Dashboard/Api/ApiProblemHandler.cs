using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Orleans.Runtime;
using WardTwin.Grains;
using WardTwin.Model.Data;

namespace WardTwin.Dashboard.Api;

/// <summary>
/// Every refused or failed call answers with RFC 9457 problem details naming what is wrong: bad fields under
/// <c>errors</c> by their JSON name, the reason in <c>detail</c>. Anything unexpected stays a 500 and is logged.
/// </summary>
public sealed partial class ApiProblemHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ProblemDetails? problem = exception switch
        {
            BadHttpRequestException { InnerException: JsonException json } => Field(FieldName(json), Reason(json)),
            BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } => Problem(413, $"body too large (over {ApiLimits.MaxBodyBytes / 1024} KiB)"),
            BadHttpRequestException bad => Problem(bad.StatusCode, Unquote(bad.Message)),
            ArgumentException { ParamName: { Length: > 0 } name } arg => Field(name, ArgumentSuffix().Replace(arg.Message, string.Empty).Replace($"{name}: ", string.Empty, StringComparison.Ordinal)),
            ApiException api => api.Field is { } field ? Field(field, api.Message) : Problem(api.Status, api.Message),
            _ when Status(exception) is int status => Problem(status, status == 503 && exception is not StorageUnavailableException ? Unreachable(exception) : exception.Message),
            _ => null,
        };
        if (problem is null)
        {
            return false;
        }

        httpContext.Response.StatusCode = problem.Status ?? 400;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem, Exception = exception });
    }

    private static ProblemDetails Problem(int status, string detail) => new() { Status = status, Detail = detail };

    private static HttpValidationProblemDetails Field(string field, string reason) =>
        new(new Dictionary<string, string[]> { [field] = [reason] }) { Status = 400, Detail = $"{field}: {reason}" };

    /// <summary>"$.rateMgPerH" → "rateMgPerH"; a wrong shape at the top → "body"; an unknown member → its name.</summary>
    private static string FieldName(JsonException json) =>
        UnknownMember().Match(json.Message) is { Success: true } m ? m.Groups[1].Value
        : MissingMember().Match(json.Message) is { Success: true } missing ? missing.Groups[1].Value
        : json.Path is { Length: > 2 } path && path.StartsWith("$.", StringComparison.Ordinal) ? path[2..]
        : "body";

    private static string Reason(JsonException json)
    {
        if (UnknownMember().IsMatch(json.Message))
        {
            return "unknown field";
        }

        if (MissingMember().IsMatch(json.Message))
        {
            return "missing";
        }

        if (json.InnerException is null && !json.Message.StartsWith("The JSON", StringComparison.Ordinal) && !json.Message.Contains(" is an invalid ", StringComparison.Ordinal))
        {
            return json.Message; // our own converters' words
        }

        if (json.Path is null or "$")
        {
            return json.Message.Contains("could not be converted", StringComparison.Ordinal) ? "must be a JSON object" : "is not valid JSON";
        }

        return json.Message.Contains("System.Int", StringComparison.Ordinal) ? "must be a whole number"
            : json.Message.Contains("System.Double", StringComparison.Ordinal) ? "must be a number"
            : json.Message.Contains("System.Boolean", StringComparison.Ordinal) ? "must be true or false"
            : json.Message.Contains("System.String", StringComparison.Ordinal) ? "must be a string"
            : "has the wrong type or is not valid JSON";
    }

    private static string Unquote(string message) => message.Replace("\"", "'", StringComparison.Ordinal);

    private static string Unreachable(Exception ex) => $"not reachable now, try again in a few seconds (a silo may have been lost and the ward is moving): {Errors.OneLine(ex)}";

    private static int? Status(Exception ex) => ex switch
    {
        DataFileException => 400,
        ArgumentException => 400,
        KeyNotFoundException => 404,
        StorageUnavailableException => 503,
        SiloUnavailableException or OrleansMessageRejectionException or TimeoutException => 503,
        InvalidOperationException => 409,
        _ => null,
    };

    [GeneratedRegex(" \\(Parameter '[^']*'\\)$")]
    private static partial Regex ArgumentSuffix();

    [GeneratedRegex("missing required properties including: '([^']+)'")]
    private static partial Regex MissingMember();

    [GeneratedRegex("JSON property '([^']+)' could not be mapped")]
    private static partial Regex UnknownMember();
}
