using Microsoft.Extensions.Options;
using WardTwin.DeviceData.Fhir;
using WardTwin.DeviceData.Mllp;

namespace WardTwin.DeviceData.Feed;

/// <summary>The device-data outputs (section "DeviceData"): which wards' devices report, over HL7/MLLP and to a FHIR server.</summary>
public sealed class DeviceDataOptions
{
    public const string Section = "DeviceData";

    /// <summary>The wards whose monitors and pumps report (the run command's ward).</summary>
    public List<string> Wards { get; set; } = [];

    public Hl7Options Hl7 { get; set; } = new();

    public FhirOptions Fhir { get; set; } = new();

    public bool Enabled => Hl7.Enabled || Fhir.Enabled;
}

/// <summary>Refuses bad device-data settings when the host starts, naming each.</summary>
public sealed class DeviceDataOptionsValidator : IValidateOptions<DeviceDataOptions>
{
    public ValidateOptionsResult Validate(string? name, DeviceDataOptions options)
    {
        var problems = options.Hl7.Problems().Concat(options.Fhir.Problems()).ToList();
        if (options.Enabled && options.Wards.Count == 0)
        {
            problems.Add($"{DeviceDataOptions.Section}:Wards names no ward whose devices should report");
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
