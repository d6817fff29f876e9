using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using WardTwin.Model.Training;

namespace WardTwin.Dashboard.Api;

/// <summary>
/// A trainee's number (a rate, a dose, a volume): a JSON number, or the text typed into the page, both read by
/// <see cref="ClinicalNumber"/> as the page reads them. Too large for a double is still a number (+∞: above every limit).
/// </summary>
public sealed class ClinicalNumberJsonConverter : JsonConverter<double?>
{
    public override double? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        string text = reader.TokenType switch
        {
            JsonTokenType.Number => Encoding.UTF8.GetString(reader.HasValueSequence ? System.Buffers.BuffersExtensions.ToArray(reader.ValueSequence) : reader.ValueSpan.ToArray()),
            JsonTokenType.String => reader.GetString() ?? string.Empty,
            JsonTokenType.Null => string.Empty,
            _ => throw new JsonException("must be a number"),
        };
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        var (value, problem) = ClinicalNumber.Parse(text);
        return value ?? throw new JsonException(problem);
    }

    public override void Write(Utf8JsonWriter writer, double? value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (value is { } v)
        {
            writer.WriteNumberValue(v);
        }
        else
        {
            writer.WriteNullValue();
        }
    }
}
