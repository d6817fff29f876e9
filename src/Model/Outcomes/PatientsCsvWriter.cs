using System.Text;
using WardTwin.Model.Costs;
using WardTwin.Model.Protocols;

namespace WardTwin.Model.Outcomes;

/// <summary>
/// Writes patients.csv as admissions arrive, holding none of them: each row goes to a side file with its daily
/// scores unpadded, and <see cref="Complete"/> writes the header and every row padded to the longest stay (known
/// only at the end) through a temporary name.
/// </summary>
public sealed class PatientsCsvWriter : IDisposable
{
    // Separates a row's parts in the side file; no field of ours holds it (discharge reasons are our own words).
    private const char Part = '\u0001';
    private readonly string _path;
    private readonly string _rowsPath;
    private readonly Protocol _protocol;
    private readonly string _currency;
    private readonly IReadOnlyList<string> _alarmNames;
    private readonly StreamWriter _rows;
    private readonly StringBuilder _line = new();
    private int _days;
    private bool _horizon;

    public PatientsCsvWriter(string path, Protocol protocol, string currency, IReadOnlyList<string> alarmNames)
    {
        _path = path;
        _rowsPath = path + ".rows";
        _protocol = protocol;
        _currency = currency;
        _alarmNames = alarmNames;
        _rows = new StreamWriter(_rowsPath, append: false, new UTF8Encoding(false), 1 << 16);
    }

    public void Add(AdmissionOutcome a, CostBreakdown cost)
    {
        ArgumentNullException.ThrowIfNull(a);
        PatientsCsv.AppendFixed(_line.Clear(), a, cost);
        foreach (var scores in a.DailyNrs)
        {
            _days = Math.Max(_days, scores.Length);
            PatientsCsv.AppendDaily(_line.Append(Part), scores);
        }

        _horizon |= a.Horizon is not null;
        PatientsCsv.AppendWeekly(_line.Append(Part), a);
        _rows.Write(_line.Append('\n'));
    }

    /// <summary>Writes the finished file and removes the side file.</summary>
    public void Complete()
    {
        _rows.Dispose();
        string temp = _path + ".tmp";
        using (var output = new StreamWriter(temp, append: false, new UTF8Encoding(false), 1 << 16))
        using (var input = new StreamReader(_rowsPath, Encoding.UTF8))
        {
            output.Write(PatientsCsv.Header(_protocol, _currency, _alarmNames, _days, _horizon));
            output.Write('\n');
            var sb = new StringBuilder();
            while (input.ReadLine() is { } line)
            {
                var parts = line.Split(Part);
                output.Write(PatientsCsv.AppendRow(sb.Clear(), parts[0], parts[1..^1], _days, parts[^1]).Append('\n'));
            }
        }

        File.Move(temp, _path, overwrite: true);
        File.Delete(_rowsPath);
    }

    public void Dispose()
    {
        _rows.Dispose();
        File.Delete(_rowsPath);
        File.Delete(_path + ".tmp");
    }
}
