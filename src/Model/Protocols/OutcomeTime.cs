using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using WardTwin.Model.Randomness;
using WardTwin.Model.Statistics;

namespace WardTwin.Model.Protocols;

/// <summary>
/// A time after the end of treatment, in weeks: fixed (a number in the file) or drawn per patient from a
/// distribution given by its reported median and IQR (an object; Erasmus T2: median 4, IQR 5, log-normal).
/// </summary>
[JsonConverter(typeof(OutcomeTimeConverter))]
public sealed record OutcomeTime(
    double? Weeks = null,
    double? Median = null,
    double? Iqr = null,
    OutcomeTimeShape Shape = OutcomeTimeShape.LogNormal,
    double? Min = null,
    double? Max = null,
    string? Source = null)
{
    public static OutcomeTime Fixed(double weeks) => new(Weeks: weeks);

    public bool IsFixed => Weeks is not null;

    /// <summary>What is wrong with it, or null when it can be drawn.</summary>
    public string? Problem()
    {
        if (Weeks is { } w)
        {
            return w > 0 && Median is null && Iqr is null ? null : "a fixed time is a number of weeks > 0";
        }

        if (Median is not > 0 || Iqr is not > 0)
        {
            return "a distribution needs median > 0 and iqr > 0 (weeks)";
        }

        if (Min is { } lo && Max is { } hi && lo > hi)
        {
            return string.Create(CultureInfo.InvariantCulture, $"min {lo} is above max {hi}");
        }

        return Max is <= 0 ? "max must be > 0" : null;
    }

    /// <summary>The patient's time in weeks, from the patient's own stream (one normal draw whatever the shape, so streams stay aligned).</summary>
    public double Draw(ref SeededRandom random)
    {
        double z = random.NextNormal();
        if (Weeks is { } w)
        {
            return w;
        }

        double median = Median!.Value, iqr = Iqr!.Value;
        double t = Shape == OutcomeTimeShape.LogNormal
            ? median * Math.Exp(SkewedQuartiles.LogSigma(median, iqr) * z)
            : median + (iqr / 1.3489795003921634 * z);
        // A visit cannot come before the end of treatment; a log-normal never does.
        return Math.Clamp(t, Min ?? 0, Max ?? double.MaxValue);
    }
}

public enum OutcomeTimeShape
{
    LogNormal,
    Normal,
}

/// <summary>Reads a number as a fixed time and an object as a distribution; writes them back the same way.</summary>
public sealed class OutcomeTimeConverter : JsonConverter<OutcomeTime>
{
    private static readonly string[] Fields = ["median", "iqr", "shape", "min", "max", "source"];

    public override OutcomeTime Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Number)
        {
            return OutcomeTime.Fixed(reader.GetDouble());
        }

        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("expected weeks as a number, or an object {\"median\": ..., \"iqr\": ..., \"shape\": \"log-normal\"}");
        }

        // Read by hand so that errors name this field and its keys, not an internal type.
        using var doc = JsonDocument.ParseValue(ref reader);
        var o = doc.RootElement;
        foreach (var p in o.EnumerateObject())
        {
            if (!Fields.Contains(p.Name, StringComparer.Ordinal))
            {
                throw new JsonException($"unknown key '{p.Name}'; known: {string.Join(", ", Fields)}");
            }
        }

        double? Number(string name) => o.TryGetProperty(name, out var v)
            ? v.ValueKind == JsonValueKind.Number ? v.GetDouble() : throw new JsonException($"'{name}' must be a number of weeks")
            : null;

        var shape = OutcomeTimeShape.LogNormal;
        if (o.TryGetProperty("shape", out var s))
        {
            shape = s.ValueKind == JsonValueKind.String ? s.GetString() switch
            {
                "log-normal" => OutcomeTimeShape.LogNormal,
                "normal" => OutcomeTimeShape.Normal,
                var other => throw new JsonException($"shape '{other}' is not one of log-normal, normal"),
            } : throw new JsonException("'shape' must be \"log-normal\" or \"normal\"");
        }

        string? source = o.TryGetProperty("source", out var src) && src.ValueKind == JsonValueKind.String ? src.GetString() : null;
        return new OutcomeTime(null, Number("median"), Number("iqr"), shape, Number("min"), Number("max"), source);
    }

    public override void Write(Utf8JsonWriter writer, OutcomeTime value, JsonSerializerOptions options)
    {
        if (value.Weeks is { } w)
        {
            writer.WriteNumberValue(w);
            return;
        }

        writer.WriteStartObject();
        writer.WriteNumber("median", value.Median!.Value);
        writer.WriteNumber("iqr", value.Iqr!.Value);
        writer.WriteString("shape", value.Shape == OutcomeTimeShape.LogNormal ? "log-normal" : "normal");
        if (value.Min is { } min)
        {
            writer.WriteNumber("min", min);
        }

        if (value.Max is { } max)
        {
            writer.WriteNumber("max", max);
        }

        if (value.Source is { } source)
        {
            writer.WriteString("source", source);
        }

        writer.WriteEndObject();
    }
}
