using System.Text;
using WardTwin.DeviceData.Codes;
using WardTwin.DeviceData.Hl7;
using WardTwin.DeviceData.Mllp;

namespace WardTwin.DeviceData.Tests;

/// <summary>MLLP framing, ACK reading and the code table's own arithmetic.</summary>
public sealed class TransportTests
{
    [Fact]
    public async Task Frames_split_across_reads_and_noise_between_them_are_read_whole()
    {
        byte[] a = MllpFrame.Encode("MSH|1\rPID|é\r"), b = MllpFrame.Encode("MSH|2\r");
        byte[] wire = [.. "xx"u8, .. a, .. b];
        var stream = new TrickleStream(wire, 3);
        var reader = new MllpFrameReader(stream);
        Assert.Equal("MSH|1\rPID|é\r", await reader.ReadAsync(CancellationToken.None));
        Assert.Equal("MSH|2\r", await reader.ReadAsync(CancellationToken.None));
        Assert.Null(await reader.ReadAsync(CancellationToken.None));
    }

    [Fact]
    public void An_ACK_is_read_for_its_code_the_control_id_it_answers_and_its_text()
    {
        string message = "MSH|^~\\&|WARDTWIN|WardTwin|ENGINE|HOSP|20261207101530||ORU^R01^ORU_R01|C42|P|2.6\rPID|||x\r";
        var ack = Acknowledgement.Parse(Acknowledgement.For(message, "AR", "busy"))!;
        Assert.Equal(("AR", "C42", "busy", false, false), (ack.Code, ack.ControlId, ack.Text, ack.Accepted, ack.Error));
        Assert.True(Acknowledgement.Parse("MSH|^~\\&|A\rMSA|AA|C43\r")!.Accepted);
        Assert.Equal("bad OBX", Acknowledgement.Parse("MSH|^~\\&|A\rMSA|AE|C44\rERR||||E||||bad OBX\r")!.Text);
        Assert.Null(Acknowledgement.Parse("MSH|^~\\&|A\r"));
    }

    [Theory]
    [InlineData("mllp://127.0.0.1:2575", "127.0.0.1", 2575)]
    [InlineData("mllp://engine.hospital:6661", "engine.hospital", 6661)]
    public void An_MLLP_address_is_read(string text, string host, int port) => Assert.Equal(new MllpEndpoint(host, port), MllpEndpoint.Parse(text));

    [Theory]
    [InlineData("tcp://h:1")]
    [InlineData("mllp://h")]
    [InlineData("mllp://h:1/path")]
    public void A_bad_MLLP_address_is_refused_naming_it(string text) =>
        Assert.Contains(text, Assert.Throws<ArgumentException>(() => MllpEndpoint.Parse(text)).Message, StringComparison.Ordinal);

    [Fact]
    public void Every_computed_MDC_code_is_its_partition_times_65536_plus_its_term_code_and_every_entry_has_a_source()
    {
        var table = DeviceCodeTable.Shipped;
        foreach (var section in new[] { "mdc", "units", "loinc" })
        {
            Assert.All(table.Section(section), e => Assert.False(string.IsNullOrWhiteSpace(e.Entry.GetProperty("source").GetString()), e.Name));
        }

        Assert.Equal((1 * 65536) + 4262, Mdc.EcgVmd.Code);
        Assert.Equal((4 * 65536) + 3378, Mdc.MgPerH.Mdc.Code);
        Assert.Equal((1 * 65536) + 61442, Mdc.PumpChan.Code);
        Assert.Equal((4 * 65536) + 3122, Mdc.MlPerH.Mdc.Code);

        // The metrics of partition 2 (SCADA): 147842 = 2 x 65536 + 16770 (heart rate).
        Assert.Equal((2 * 65536) + 16770, Mdc.HeartRate.Code);
    }

    /// <summary>A stream that hands out a few bytes per read, as TCP may.</summary>
    private sealed class TrickleStream(byte[] data, int chunk) : MemoryStream(data)
    {
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            base.ReadAsync(buffer[..Math.Min(chunk, buffer.Length)], cancellationToken);
    }
}
