using System.Text.Json;
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
            string reason = ex.Message.Split(" Path:", 2)[0];
            throw new DataFileException(path, field, reason);
        }
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
