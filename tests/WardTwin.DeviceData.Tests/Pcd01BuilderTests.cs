using WardTwin.DeviceData.Hl7;

namespace WardTwin.DeviceData.Tests;

/// <summary>
/// PCD-01 against the shape of IHE PCD TF-2 Appendix E's examples: MSH v2.6 with the PCD-01 profile in MSH-21, PID,
/// PV1, OBR, then the containment tree (MDS 1.0.0.0, VMD 1.n.0.0, channel 1.n.1.0; OBX-11 X and no value) and NM
/// metrics with MDC code, MDC+UCUM unit and the dotted position in OBX-4.
/// </summary>
public sealed class Pcd01BuilderTests
{
    private const string MonitorGolden =
        "MSH|^~\\&|WARDTWIN^{E}^EUI-64|WardTwin|||20261207101530+0000||ORU^R01^ORU_R01|C1|P|2.6|||AL|NE||UNICODE UTF-8|||IHE_PCD_001^IHE PCD^1.3.6.1.4.1.19376.1.6.1.1.1^ISO\r" +
        "PID|||ward-1/7^^^WardTwin^PI||Virtual^Patient 7^^^^^L\r" +
        "PV1||I|ward-1^^3\r" +
        "OBR|1|C1^WARDTWIN^{E}^EUI-64|C1^WARDTWIN^{E}^EUI-64|182777000^monitoring of patient^SCT|||20261207101530+0000\r" +
        "OBX|1||69965^MDC_DEV_MON_PHYSIO_MULTI_PARAM_MDS^MDC|1.0.0.0|||||||X|||||||{E}^^{E}^EUI-64\r" +
        "OBX|2||69798^MDC_DEV_ECG_VMD^MDC|1.1.0.0|||||||X|||||||\r" +
        "OBX|3||69799^MDC_DEV_ECG_CHAN^MDC|1.1.1.0|||||||X|||||||\r" +
        "OBX|4|NM|147842^MDC_ECG_CARD_BEAT_RATE^MDC|1.1.1.1|72|264864^MDC_DIM_BEAT_PER_MIN^MDC^/min^/min^UCUM|||||R|||20261207101528+0000\r" +
        "OBX|5|NM|151562^MDC_RESP_RATE^MDC|1.1.1.2|14|264928^MDC_DIM_RESP_PER_MIN^MDC^/min^/min^UCUM|||||R|||20261207101528+0000\r" +
        "OBX|6||69642^MDC_DEV_ANALY_SAT_O2_VMD^MDC|1.2.0.0|||||||X|||||||\r" +
        "OBX|7||70771^MDC_DEV_ANALY_PERF_REL_CHAN^MDC|1.2.1.0|||||||X|||||||\r" +
        "OBX|8|NM|150456^MDC_PULS_OXIM_SAT_O2^MDC|1.2.1.1|97|262688^MDC_DIM_PERCENT^MDC^%^%^UCUM|||||R|||20261207101528+0000\r" +
        "OBX|9||70686^MDC_DEV_PRESS_BLD_NONINV_VMD^MDC|1.3.0.0|||||||X|||||||\r" +
        "OBX|10||70687^MDC_DEV_PRESS_BLD_NONINV_CHAN^MDC|1.3.1.0|||||||X|||||||\r" +
        "OBX|11|NM|150021^MDC_PRESS_BLD_NONINV_SYS^MDC|1.3.1.1|128|266016^MDC_DIM_MMHG^MDC^mm[Hg]^mm[Hg]^UCUM|||||R|||20261207101528+0000\r" +
        "OBX|12|NM|150022^MDC_PRESS_BLD_NONINV_DIA^MDC|1.3.1.2|80|266016^MDC_DIM_MMHG^MDC^mm[Hg]^mm[Hg]^UCUM|||||R|||20261207101528+0000\r" +
        "OBX|13|NM|150023^MDC_PRESS_BLD_NONINV_MEAN^MDC|1.3.1.3|96|266016^MDC_DIM_MMHG^MDC^mm[Hg]^mm[Hg]^UCUM|||||R|||20261207101528+0000\r";

    [Fact]
    public void A_monitor_reading_gives_the_golden_PCD01_byte_for_byte()
    {
        string message = Pcd01Builder.Monitor(MessageHeader.Default, Golden.Vitals, "C1", Golden.At);
        Assert.Equal(MonitorGolden.Replace("{E}", Golden.Monitor.Eui64, StringComparison.Ordinal), message);
    }

    [Fact]
    public void Every_containment_row_is_a_header_and_every_metric_sits_under_its_channel()
    {
        var obx = Golden.Segments(Pcd01Builder.Monitor(MessageHeader.Default, Golden.Vitals, "C1", Golden.At)).Where(s => s[0] == "OBX").ToArray();
        var headers = obx.Where(s => s[11] == "X").Select(s => s[4]).ToHashSet();
        foreach (var metric in obx.Where(s => s[2] == "NM"))
        {
            var p = metric[4].Split('.');
            Assert.Equal(4, p.Length);
            Assert.Contains($"{p[0]}.0.0.0", headers);
            Assert.Contains($"{p[0]}.{p[1]}.0.0", headers);
            Assert.Contains($"{p[0]}.{p[1]}.{p[2]}.0", headers);
            Assert.Equal(string.Empty, headers.Contains(metric[4]) ? "a metric in a header's place" : string.Empty);
        }

        Assert.All(obx.Where(s => s[11] == "X"), h => Assert.Equal(string.Empty, h[2] + h[5]));
    }

    [Fact]
    public void A_probe_off_reading_leaves_the_saturation_out_instead_of_sending_a_wrong_number()
    {
        string message = Pcd01Builder.Monitor(MessageHeader.Default, Golden.Vitals with { ProbeOff = true }, "C1", Golden.At);
        Assert.DoesNotContain("150456^", message, StringComparison.Ordinal);
        Assert.Contains("70771^MDC_DEV_ANALY_PERF_REL_CHAN^MDC|1.2.1.0", message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_pump_reports_rate_dose_volume_remaining_drug_and_concentration_with_their_units()
    {
        var rows = Golden.Segments(Pcd01Builder.Pump(MessageHeader.Default, Golden.Pump, "P1", Golden.At)).Where(s => s[0] == "OBX").ToDictionary(s => s[3].Split('^')[0], s => (Sub: s[4], Value: s[5], Unit: s[6].Split('^').ElementAtOrDefault(3)));
        Assert.Equal(("1.0.0.0", string.Empty, null), rows["69985"]);
        Assert.Equal(("1.1.1.1", "3.0", "mL/h"), rows["157784"]); // 6 mg/h of 2 mg/mL
        Assert.Equal(("1.1.1.2", "6.00", "mg/h"), rows["157924"]);
        Assert.Equal(("1.1.1.3", "15.0", "mL"), rows["157993"]);
        Assert.Equal(("1.1.1.4", "412.5", "mL"), rows["157872"]);
        Assert.Equal(("1.1.1.5", "Ketamine", null), rows["184514"]);
        Assert.Equal(("1.1.1.6", "2.00", "mg/mL"), rows["157760"]);
    }

    [Fact]
    public void A_drug_name_with_HL7_delimiters_is_escaped()
    {
        string message = Pcd01Builder.Pump(MessageHeader.Default, Golden.Pump with { Drug = "S|ketamine^A&B~x\\" }, "P1", Golden.At);
        Assert.Contains(@"|S\F\ketamine\S\A\T\B\R\x\E\|", message, StringComparison.Ordinal);
    }
}
