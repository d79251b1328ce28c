using System.Diagnostics;

namespace Extractor.Tests.Support;

/// <summary>
/// Headless Chromium (the Debian package <c>chromium</c>, which <c>.ci/run</c> installs): renders a page to a PNG, or
/// prints the DOM after its scripts ran. Each run gets a fresh profile and no network services.
/// </summary>
internal static class Chromium
{
    private static readonly Lazy<string?> Program = new(() =>
        new[] { "chromium", "chromium-browser", "google-chrome" }
            .Select(name => (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Select(dir => Path.Combine(dir, name)).FirstOrDefault(File.Exists))
            .FirstOrDefault(path => path is not null));

    /// <summary>The browser; in CI its absence fails the test, elsewhere the test is ignored.</summary>
    public static string Require()
    {
        if (Program.Value is { } path) return path;
        if (Environment.GetEnvironmentVariable("CI") == "true") Assert.Fail("chromium is not installed (.ci/run installs it: apt-get install chromium fonts-noto-cjk)");
        Assert.Ignore("chromium is not installed (apt-get install chromium fonts-noto-cjk)");
        return "";
    }

    /// <summary>Renders <paramref name="page"/> at <paramref name="width"/>×<paramref name="height"/> CSS pixels (scale 1) to a PNG.</summary>
    public static Png Screenshot(string page, string png, int width, int height)
    {
        Run(page, [$"--window-size={width},{height}", "--force-device-scale-factor=1", "--hide-scrollbars", $"--screenshot={png}"]);
        Assert.That(File.Exists(png), Is.True, $"chromium wrote no screenshot of {page}");
        return Png.Read(png);
    }

    /// <summary>The DOM of <paramref name="page"/> after its scripts ran.</summary>
    public static string Dom(string page) => Run(page, ["--dump-dom"]);

    private static string Run(string page, string[] extra)
    {
        var profile = Directory.CreateTempSubdirectory("extractor-chromium-").FullName;
        try
        {
            var start = new ProcessStartInfo(Require())
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var arg in new[]
                     {
                         "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
                         "--disable-component-update", "--disable-sync", $"--user-data-dir={profile}",
                     }.Concat(extra))
                start.ArgumentList.Add(arg);
            start.ArgumentList.Add(new Uri(page).AbsoluteUri);
            using var process = Process.Start(start)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(TimeSpan.FromSeconds(90)))
            {
                process.Kill(entireProcessTree: true);
                Assert.Fail($"chromium did not finish rendering {page} in 90 s");
            }
            Assert.That(process.ExitCode, Is.Zero, $"chromium failed on {page}: {stderr.Result}");
            return stdout.Result;
        }
        finally
        {
            Directory.Delete(profile, recursive: true);
        }
    }
}
