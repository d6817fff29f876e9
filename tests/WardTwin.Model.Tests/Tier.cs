// One tier per project: dotnet test WardTwin.sln --filter Tier=unit runs this one alone.
[assembly: AssemblyTrait("Tier", "unit")]
