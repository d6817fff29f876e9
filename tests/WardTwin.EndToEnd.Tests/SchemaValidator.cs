using NJsonSchema;

namespace WardTwin.EndToEnd.Tests;

/// <summary>Validates a summary against shared/contracts/cohort-summary.schema.json.</summary>
internal static class SchemaValidator
{
    public static string SchemaPath
    {
        get
        {
            string path = Path.GetFullPath(Path.Combine(Cli.RepositoryRoot, "..", "shared", "contracts", "cohort-summary.schema.json"));
            return File.Exists(path) ? path : throw new FileNotFoundException("the shared contract is expected beside the repository", path);
        }
    }

    public static async Task<IReadOnlyList<string>> Errors(string json)
    {
        var schema = await JsonSchema.FromFileAsync(SchemaPath);
        return schema.Validate(json).Select(e => e.ToString()).ToArray();
    }
}
