using System.Text.Json;
using System.Text.Json.Serialization;

namespace WardTwin.Model.Capacity;

/// <summary>capacity.json's form (snake_case, enums in kebab-case, indented), also how a question and its results travel between processes.</summary>
public static class CapacityJson
{
    public static JsonSerializerOptions Options { get; } = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
    };
}
