// One tier per project: dotnet test WardTwin.sln --filter Tier=grains runs this one alone.
[assembly: AssemblyTrait("Tier", "grains")]
