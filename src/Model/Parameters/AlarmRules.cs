using System.Text.Json;
using System.Text.Json.Nodes;
using WardTwin.Model.Data;

namespace WardTwin.Model.Parameters;

/// <summary>Reads a section of alarm rules from the parameter file, refusing a rule without a source or filed under the wrong IEC 60601-1-8 category.</summary>
internal static class AlarmRules
{
    public static List<AlarmRule> Read(JsonObject root, string section, string path)
    {
        var alarms = new List<AlarmRule>();
        if (root[section] is JsonArray alarmArray)
        {
            for (int i = 0; i < alarmArray.Count; i++)
            {
                try
                {
                    var rule = alarmArray[i].Deserialize<AlarmRule>(DataJson.Options)
                        ?? throw new DataFileException(path, $"{section}[{i}]", "is null");
                    if (string.IsNullOrWhiteSpace(rule.Source))
                    {
                        throw new DataFileException(path, $"{section}[{i}].source", "every alarm rule must name its source");
                    }

                    bool technical = rule.Kind is AlarmKind.ProbeOff or AlarmKind.PumpOcclusion or AlarmKind.BagEmpty;
                    if (technical != (rule.Category == AlarmCategory.Technical))
                    {
                        throw new DataFileException(path, $"{section}[{i}].category", $"{DataJson.EnumName(rule.Kind)} is {(technical ? "a technical" : "a physiological")} alarm condition (IEC 60601-1-8)");
                    }

                    alarms.Add(rule.ConditionDelayS is >= 0 and <= 600
                        ? rule
                        : throw new DataFileException(path, $"{section}[{i}].condition_delay_s", $"{rule.ConditionDelayS} s is outside 0-600 s"));
                }
                catch (JsonException ex)
                {
                    throw new DataFileException(path, $"{section}[{i}]", DataJson.Explain(ex));
                }
            }
        }

        return alarms;
    }
}
