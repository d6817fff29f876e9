using System.Text.Json;
using System.Text.RegularExpressions;
using System.Text.Json.Serialization;

namespace WardTwin.Model.Data;

/// <summary>One way to read every data file: snake_case names, unknown fields refused, errors naming the field.</summary>
public static class DataJson
{
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    public static T Read<T>(string path)
        where T : class
    {
        string text;
        try
        {
            text = System.IO.File.ReadAllText(path);
        }
        catch (IOException ex)
        {
            throw new DataFileException(path, "(file)", ex.Message);
        }
        catch (UnauthorizedAccessException ex)
        {
            throw new DataFileException(path, "(file)", ex.Message);
        }

        return Parse<T>(text, path);
    }

    public static T Parse<T>(string text, string path)
        where T : class
    {
        try
        {
            return JsonSerializer.Deserialize<T>(text, Options)
                ?? throw new DataFileException(path, "$", "the file holds null, not an object");
        }
        catch (JsonException ex)
        {
            string field = string.IsNullOrEmpty(ex.Path) ? "$" : ex.Path;
            throw new DataFileException(path, field, Explain(ex));
        }
    }

    /// <summary>The name a data file uses for an enum value (kebab-case, or its own JSON name).</summary>
    public static string EnumName<T>(T value)
        where T : struct, Enum => JsonSerializer.Serialize(value, Options).Trim('"');

    /// <summary>Every name a data file or request may use for <typeparamref name="T"/>, for a refusal to list.</summary>
    public static string EnumNames<T>()
        where T : struct, Enum => string.Join(", ", Enum.GetValues<T>().Select(v => EnumName(v)));

    /// <summary>The value named <paramref name="name"/>, or an <see cref="ArgumentException"/> "<paramref name="unknown"/> 'name' (known: ...)".</summary>
    public static T ParseEnumName<T>(string? name, string unknown)
        where T : struct, Enum
    {
        foreach (var value in Enum.GetValues<T>())
        {
            if (EnumName(value) == name)
            {
                return value;
            }
        }

        throw new ArgumentException($"{unknown} '{name}' (known: {EnumNames<T>()})");
    }

    /// <summary>
    /// The serializer's reason in a user's words: what the field must be (an enum's allowed names, a whole
    /// number), or which required fields are missing, never the name of one of our types.
    /// </summary>
    public static string Explain(JsonException ex)
    {
        string reason = ex.Message.Split(" Path:", 2)[0];
        var unknown = Regex.Match(reason, "^The JSON property '([^']+)' could not be mapped");
        if (unknown.Success)
        {
            return $"unknown field '{unknown.Groups[1].Value}' (see the format in docs)";
        }

        var missing = Regex.Match(reason, "missing required properties including: (.*?)\\.?$");
        if (missing.Success)
        {
            return $"missing required field(s): {missing.Groups[1].Value}";
        }

        var converted = Regex.Match(reason, @"could not be converted to (\S+?)\.?$");
        if (!converted.Success)
        {
            return reason;
        }

        string typeName = converted.Groups[1].Value;
        var inner = Regex.Match(typeName, @"\[(\S+?)\]$");
        if (inner.Success)
        {
            typeName = inner.Groups[1].Value; // System.Nullable`1[T]
        }

        var type = typeof(DataJson).Assembly.GetType(typeName) ?? Type.GetType(typeName);

        // A record built through its constructor reports itself, not the member: find the member from the path.
        if (type is { IsClass: true } && type != typeof(string) && ex.Path is { } at && Regex.Match(at, @"\.([a-z0-9_]+)(\[\d+\])?$") is { Success: true } last)
        {
            string member = last.Groups[1].Value.Replace("_", string.Empty, StringComparison.Ordinal);
            var property = type.GetProperties().FirstOrDefault(p => string.Equals(p.Name, member, StringComparison.OrdinalIgnoreCase));
            if (property is not null)
            {
                type = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
                if (last.Groups[2].Success && type.IsGenericType)
                {
                    type = type.GetGenericArguments()[0];
                }
            }
        }

        return type switch
        {
            { IsEnum: true } => $"must be one of {string.Join(", ", Enum.GetValues(type).Cast<object>().Select(v => JsonSerializer.Serialize(v, type, Options).Trim('"')))}",
            _ when type == typeof(int) || type == typeof(long) => "must be a whole number",
            _ when type == typeof(double) => "must be a number",
            _ when type == typeof(string) => "must be text in quotes",
            _ when type == typeof(bool) => "must be true or false",
            _ when type is not null && type.Namespace?.StartsWith("System", StringComparison.Ordinal) == true && type.IsGenericType => "must be a list",
            _ => "has the wrong kind of value here (see the format in README, Data)",
        };
    }

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
            ReadCommentHandling = JsonCommentHandling.Skip,
            AllowTrailingCommas = true,
            RespectNullableAnnotations = true,
            RespectRequiredConstructorParameters = true,
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower, allowIntegerValues: false));
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
