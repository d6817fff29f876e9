// One tier per project: dotnet test WardTwin.sln --filter Tier=end-to-end runs this one alone.
[assembly: AssemblyTrait("Tier", "end-to-end")]
