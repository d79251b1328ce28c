using System.Diagnostics;
using System.Reflection.PortableExecutable;
using Extractor.Tests.Support;

namespace Extractor.Tests;

/// <summary>
/// The packages work as others will use them: both projects are packed into a local folder, a tiny consumer project
/// restores Extractor.Parsing from it and parses a seed through the public API, and the CLI installs as a dotnet tool.
/// A unique prerelease version keeps a stale NuGet cache from hiding a change. The tool is packed for this machine's
/// platform and the portable fallback only (a release packs five platforms, some 20 s each).
/// </summary>
[NonParallelizable]
public sealed class PackageTests
{
    private string _dir = "";
    private string _version = "";
    private static readonly string Platform = System.Runtime.InteropServices.RuntimeInformation.RuntimeIdentifier;

    [OneTimeSetUp]
    public void Pack()
    {
        _dir = Directory.CreateTempSubdirectory("extractor-package-").FullName;
        _version = $"0.0.0-test.{DateTime.UtcNow:yyyyMMddHHmmss}.{Environment.ProcessId}";
        foreach (var project in new[] { "src/Parsing", "src/Cli" })
            Dotnet(Repo.Root, "pack", Path.Combine(Repo.Root, project), "-c", "Release", "-o", Path.Combine(_dir, "feed"), $"-p:MinVerVersionOverride={_version}",
                $"-p:PackToolRuntimes=\"{Platform};any\"");
    }

    [OneTimeTearDown]
    public void Clean()
    {
        Directory.Delete(_dir, recursive: true);
        var cache = Environment.GetEnvironmentVariable("NUGET_PACKAGES") ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        foreach (var id in new[] { "extractor.parsing", "extractor.cli" })
        {
            var cached = Path.Combine(cache, id, _version);
            if (Directory.Exists(cached)) Directory.Delete(cached, recursive: true);
        }
    }

    private static string Dotnet(string workingDirectory, params string[] args) => Run("dotnet", workingDirectory, args);

    /// <summary>Runs <paramref name="program"/> (dotnet, or an installed tool as a user would) with the runtime this test runs on; its standard output.</summary>
    private static string Run(string program, string workingDirectory, params string[] args)
    {
        var start = new ProcessStartInfo(program) { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        // The runtime's directory is DOTNET_ROOT/shared/Microsoft.NETCore.App/VERSION/ (a tool's launcher looks for it there).
        start.Environment["DOTNET_ROOT"] = Path.GetFullPath(Path.Combine(System.Runtime.InteropServices.RuntimeEnvironment.GetRuntimeDirectory(), "..", "..", ".."));
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        Assert.That(process.ExitCode, Is.Zero, $"{program} {string.Join(' ', args)}\n{stdout.Result}\n{stderr.Result}");
        return stdout.Result;
    }

    [Test]
    public void The_library_package_restores_and_parses_a_seed_through_its_public_API()
    {
        var consumer = Path.Combine(_dir, "consumer");
        Directory.CreateDirectory(consumer);
        File.WriteAllText(Path.Combine(consumer, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <add key="local" value="{Path.Combine(_dir, "feed")}" />
              </packageSources>
            </configuration>
            """);
        File.WriteAllText(Path.Combine(consumer, "Consumer.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup><OutputType>Exe</OutputType><TargetFramework>net10.0</TargetFramework><Nullable>enable</Nullable><ImplicitUsings>enable</ImplicitUsings></PropertyGroup>
              <ItemGroup><PackageReference Include="Extractor.Parsing" Version="{_version}" /></ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(consumer, "Program.cs"), """
            using Extractor.Parsing;
            using var cancellation = new CancellationTokenSource();
            var parser = new NoticeParser(new ParserOptions { Rules = Extractor.Parsing.Rules.RuleSet.Default });
            var fromFile = await parser.ParseFileAsync(args[0], InputFormat.Auto, cancellation.Token);
            await using var stream = File.OpenRead(args[0]);
            var fromStream = parser.Parse(stream, InputFormat.Text, "seed.txt");
            var fromText = parser.ParseText(File.ReadAllText(args[0]));
            Console.WriteLine($"{fromFile.Items.Count} {fromStream.Items.Count} {fromText.Items.Count} {fromFile.Issuer}");
            Console.WriteLine(NoticeJson.Serialize(fromText).Length > 0 ? "json" : "no json");
            Console.WriteLine("loaded " + Path.GetRelativePath(AppContext.BaseDirectory, typeof(NoticeParser).Assembly.Location).Replace('\\', '/'));
            """);
        var output = Dotnet(consumer, "run", "--", Repo.Seed000);
        Assert.That(output, Does.Contain("30 30 30 中共洛阳市城乡一体化示范区工委").And.Contain("json"));
        // On a platform the package has an image for, the host took that image, not the portable one.
        if (Precompiled.ContainsKey(Platform)) Assert.That(output, Does.Contain($"loaded runtimes/{Platform}/lib/net10.0/Extractor.Parsing.dll"));
    }

    /// <summary>The platforms the library is precompiled for, and the machine each image's header must name (ReadyToRun marks the OS in it).</summary>
    private static readonly Dictionary<string, Machine> Precompiled = new()
    {
        ["linux-x64"] = (Machine)(0x8664 ^ 0x7B79),
        ["linux-arm64"] = (Machine)(0xAA64 ^ 0x7B79),
        ["osx-x64"] = (Machine)(0x8664 ^ 0x4644),
        ["osx-arm64"] = (Machine)(0xAA64 ^ 0x4644),
        ["win-x64"] = Machine.Amd64,
        ["win-x86"] = Machine.I386,
    };

    [Test]
    public void The_library_package_carries_the_assembly_precompiled_for_six_platforms_beside_the_portable_one()
    {
        using var zip = System.IO.Compression.ZipFile.OpenRead(Directory.GetFiles(Path.Combine(_dir, "feed"), $"Extractor.Parsing.{_version}.nupkg").Single());
        var portable = Image(zip, "lib/net10.0/Extractor.Parsing.dll");
        Assert.That(portable.ReadyToRun, Is.False, "lib/ holds IL only");
        Assert.That(zip.Entries.Where(e => e.FullName.StartsWith("runtimes/", StringComparison.Ordinal)).Select(e => e.FullName),
            Is.EquivalentTo(Precompiled.Keys.Select(rid => $"runtimes/{rid}/lib/net10.0/Extractor.Parsing.dll")));
        Assert.Multiple(() =>
        {
            foreach (var (rid, machine) in Precompiled)
            {
                var image = Image(zip, $"runtimes/{rid}/lib/net10.0/Extractor.Parsing.dll");
                Assert.That(image.ReadyToRun, Is.True, $"{rid}: a ReadyToRun image");
                Assert.That(image.Machine, Is.EqualTo(machine), $"{rid}: compiled for its platform");
                // The very assembly lib/ holds, compiled (the same module version id), not a build of its own.
                Assert.That(image.Mvid, Is.EqualTo(portable.Mvid), rid);
            }
        });
    }

    private static (bool ReadyToRun, Machine Machine, Guid Mvid) Image(System.IO.Compression.ZipArchive zip, string entry)
    {
        var found = zip.GetEntry(entry);
        Assert.That(found, Is.Not.Null, $"{entry} in the package; it holds {string.Join(", ", zip.Entries.Select(e => e.FullName))}");
        using var bytes = new MemoryStream();
        using (var stream = found!.Open()) stream.CopyTo(bytes);
        bytes.Position = 0;
        using var pe = new PEReader(bytes);
        var metadata = System.Reflection.Metadata.PEReaderExtensions.GetMetadataReader(pe);
        return (pe.PEHeaders.CorHeader!.ManagedNativeHeaderDirectory.Size > 0, pe.PEHeaders.CoffHeader.Machine, metadata.GetGuid(metadata.GetModuleDefinition().Mvid));
    }

    [Test]
    public void The_cli_package_installs_as_the_extractor_tool_precompiled_for_this_platform()
    {
        var tools = Path.Combine(_dir, "tools");
        Dotnet(_dir, "tool", "install", "Extractor.Cli", "--version", _version, "--tool-path", tools, "--add-source", Path.Combine(_dir, "feed"));
        // The command users run: the platform's own package, started by its native launcher.
        var json = Run(Path.Combine(tools, OperatingSystem.IsWindows() ? "extractor.exe" : "extractor"), _dir, "parse", Repo.Seed002);
        Assert.That(Parsing.NoticeJson.Deserialize(json).Items, Has.Count.EqualTo(4));
        var installed = ToolFolder(tools, "extractor.cli", $"extractor.cli.{Platform}", Platform);
        using var pe = new PEReader(File.OpenRead(Path.Combine(installed, "extractor.dll")));
        Assert.That(pe.PEHeaders.CorHeader!.ManagedNativeHeaderDirectory.Size, Is.GreaterThan(0), "the tool is precompiled (ReadyToRun)");
    }

    [Test]
    public void The_portable_tool_package_is_the_fallback_for_other_platforms()
    {
        using var pointer = System.IO.Compression.ZipFile.OpenRead(Path.Combine(_dir, "feed", $"Extractor.Cli.{_version}.nupkg"));
        using (var settings = new StreamReader(pointer.Entries.Single(e => e.Name == "DotnetToolSettings.xml").Open()))
            Assert.That(settings.ReadToEnd(), Does.Contain($"RuntimeIdentifier=\"{Platform}\" Id=\"Extractor.Cli.{Platform}\"")
                .And.Contain("RuntimeIdentifier=\"any\" Id=\"Extractor.Cli.any\""));
        var tools = Path.Combine(_dir, "tools-any");
        Dotnet(_dir, "tool", "install", "Extractor.Cli.any", "--version", _version, "--tool-path", tools, "--add-source", Path.Combine(_dir, "feed"));
        var json = Dotnet(_dir, "exec", Path.Combine(ToolFolder(tools, "extractor.cli.any", "extractor.cli.any", "any"), "extractor.dll"), "parse", Repo.Seed002);
        Assert.That(Parsing.NoticeJson.Deserialize(json).Items, Has.Count.EqualTo(4));
    }

    [Test]
    public void The_tool_rolls_forward_to_a_newer_runtime()
    {
        var tools = Path.Combine(_dir, "tools-roll");
        Dotnet(_dir, "tool", "install", "Extractor.Cli", "--version", _version, "--tool-path", tools, "--add-source", Path.Combine(_dir, "feed"));
        var runtimeConfig = File.ReadAllText(Path.Combine(ToolFolder(tools, "extractor.cli", $"extractor.cli.{Platform}", Platform), "extractor.runtimeconfig.json"));
        Assert.That(runtimeConfig, Does.Contain("\"rollForward\": \"LatestMajor\""));
    }

    /// <summary>Where <c>dotnet tool install --tool-path</c> put the files of <paramref name="package"/>, installed as <paramref name="installed"/>.</summary>
    private string ToolFolder(string tools, string installed, string package, string rid) =>
        Path.Combine(tools, ".store", installed, _version, package, _version, "tools", "net10.0", rid);

    [Test]
    public void The_packages_name_no_placeholder_repository()
    {
        foreach (var package in Directory.GetFiles(Path.Combine(_dir, "feed"), "*.nupkg"))
        {
            using var zip = System.IO.Compression.ZipFile.OpenRead(package);
            var nuspec = zip.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal));
            using var reader = new StreamReader(nuspec.Open());
            Assert.That(reader.ReadToEnd(), Does.Not.Contain("extractor-cn"), Path.GetFileName(package));
        }
    }

    [Test]
    public void The_version_comes_from_the_latest_git_tag()
    {
        // MinVer: a clone without a vX.Y.Z tag builds 0.0.0-alpha.0.HEIGHT; a tagged commit builds its tag's version.
        var version = Dotnet(Repo.Root, "msbuild", Path.Combine(Repo.Root, "src", "Parsing"), "-t:MinVer", "-getProperty:MinVerVersion").Trim();
        var start = new ProcessStartInfo("git", ["describe", "--tags", "--exact-match", "--match", "v[0-9]*"]) { WorkingDirectory = Repo.Root, RedirectStandardOutput = true, RedirectStandardError = true };
        using var git = Process.Start(start)!;
        var tag = git.StandardOutput.ReadToEnd().Trim();
        git.WaitForExit();
        if (git.ExitCode == 0) Assert.That(version, Is.EqualTo(tag[1..]));
        else Assert.That(version, Does.Match(@"^\d+\.\d+\.\d+-alpha\.0\.\d+$"));
        Assert.That(version, Is.Not.EqualTo("0.1.0"));
    }
}
