namespace Extractor.Tests.Support;

/// <summary>Paths in the repository.</summary>
internal static class Repo
{
    private static readonly Lazy<string> RootPath = new(() =>
    {
        for (var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Extractor.sln"))) return dir.FullName;
        throw new InvalidOperationException("Extractor.sln not found above the test directory");
    });

    public static string Root => RootPath.Value;

    public static string Samples => Path.Combine(Root, "samples");

    public static string Seeds => Path.Combine(Root, "seeds");

    public static string Sample(string name) => Path.Combine(Samples, name);

    public static string Seed000 => Path.Combine(Seeds, "000_e2a1d9105bc8cd63.txt");

    public static string Seed002 => Path.Combine(Seeds, "002_8d9b61e4159d9e44.txt");
}
