using System.Security.Cryptography;
using System.Text;
using WardTwin.Model.Data;
using WardTwin.Model.Protocols;

namespace WardTwin.Dashboard;

/// <summary>
/// A planner's own protocol file, sent as text: checked like any protocol file (every bad field named), then kept as a
/// file named by its content's hash, so the run reads it, and its provenance hashes it, like a file on the command line.
/// </summary>
public sealed class UploadedProtocols
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "wardtwin-uploaded-protocols");

    public (string Id, string Path) Save(string text, DataCatalog catalog)
    {
        Protocol protocol;
        try
        {
            protocol = DataJson.Parse<Protocol>(text, "ownProtocol");
            ProtocolValidator.Validate(protocol, "ownProtocol");
        }
        catch (DataFileException ex)
        {
            throw ApiException.Bad("ownProtocol", $"{ex.Field}: {ex.Reason}");
        }

        if (!File.Exists(catalog.CohortPath(protocol.Cohort)))
        {
            throw ApiException.Bad("ownProtocol", $"cohort: unknown cohort '{protocol.Cohort}'");
        }

        Directory.CreateDirectory(_folder);
        string path = Path.Combine(_folder, Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..16] + ".json");
        File.WriteAllText(path, text);
        return (protocol.Id, path);
    }
}
