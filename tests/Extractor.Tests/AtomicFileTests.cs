using System.Diagnostics;
using Extractor.Cli.Batch;
using Extractor.Cli.IO;

namespace Extractor.Tests;

/// <summary>Outputs are written whole or not at all, however many are written at once, and the workers' runtime settings yield to the user's.</summary>
public sealed class AtomicFileTests
{
    private string _dir = "";

    [SetUp]
    public void CreateFolder() => _dir = Directory.CreateTempSubdirectory("extractor-atomic-").FullName;

    [TearDown]
    public void RemoveFolder() => Directory.Delete(_dir, recursive: true);

    [Test]
    public void Files_written_at_once_into_one_folder_are_all_whole_and_leave_no_temporary_file()
    {
        var folder = Path.Combine(_dir, "out", "deep");
        Parallel.For(0, 200, new ParallelOptions { MaxDegreeOfParallelism = 4 },
            i => AtomicFile.WriteAllText(Path.Combine(folder, $"{i:000}.json"), $"{{\"n\":{i}}}\n", overwrite: false, durable: false));
        var files = Directory.GetFiles(folder).Order(StringComparer.Ordinal).ToList();
        Assert.That(files, Has.Count.EqualTo(200), "no temporary file is left, no name was given twice");
        Assert.That(File.ReadAllText(files[123]), Is.EqualTo("{\"n\":123}\n"));
    }

    [Test]
    public void A_folder_removed_during_the_run_is_made_again()
    {
        var folder = Path.Combine(_dir, "gone");
        AtomicFile.WriteAllText(Path.Combine(folder, "a.json"), "1", overwrite: false, durable: false);
        Directory.Delete(folder, recursive: true);
        AtomicFile.WriteAllText(Path.Combine(folder, "b.json"), "2", overwrite: false, durable: false);
        Assert.That(File.ReadAllText(Path.Combine(folder, "b.json")), Is.EqualTo("2"));
    }

    [TestCase(true, TestName = "A_write_that_fails_keeps_the_old_file_and_leaves_no_temporary_one")]
    [TestCase(false, TestName = "A_batch_write_that_fails_keeps_the_old_file_and_leaves_no_temporary_one")]
    public void A_write_that_fails_keeps_the_old_file_and_leaves_no_temporary_one(bool durable)
    {
        var target = Path.Combine(_dir, "kept.json");
        File.WriteAllText(target, "old");
        Assert.Throws<IOException>(() => AtomicFile.Write(target, true, stream =>
        {
            stream.Write("new"u8);
            throw new IOException("No space left on device", 28);
        }, durable));
        Assert.That(File.ReadAllText(target), Is.EqualTo("old"));
        Assert.That(Directory.GetFiles(_dir), Is.EqualTo(new[] { target }));
    }

    [Test]
    public void An_existing_file_is_not_replaced_without_force()
    {
        var target = Path.Combine(_dir, "there.json");
        File.WriteAllText(target, "old");
        Assert.Throws<AtomicFile.ExistsException>(() => AtomicFile.WriteAllText(target, "new", overwrite: false));
        AtomicFile.WriteAllText(target, "new", overwrite: true);
        Assert.That(File.ReadAllText(target), Is.EqualTo("new"));
    }

    [Test]
    public void A_batch_replaces_files_whole_even_read_only_ones()
    {
        // A batch removes the old file and renames the new one into its place (no flush of each file's data under the
        // folder's lock, as a rename over a file costs on ext4): the result is the same as a rename over it.
        var folder = Path.Combine(_dir, "batch");
        Directory.CreateDirectory(folder);
        for (var i = 0; i < 20; i++) File.WriteAllText(Path.Combine(folder, $"{i:00}.json"), "old");
        File.SetAttributes(Path.Combine(folder, "07.json"), FileAttributes.ReadOnly);
        Parallel.For(0, 20, new ParallelOptions { MaxDegreeOfParallelism = 4 },
            i => AtomicFile.WriteAllText(Path.Combine(folder, $"{i:00}.json"), $"new {i}", overwrite: true, durable: false));
        Assert.That(Directory.GetFiles(folder), Has.Length.EqualTo(20), "no temporary file is left");
        Assert.That(File.ReadAllText(Path.Combine(folder, "07.json")), Is.EqualTo("new 7"));
    }

    [TestCase(true, TestName = "A_folder_in_the_way_of_an_output_is_named_as_such")]
    [TestCase(false, TestName = "A_folder_in_the_way_of_a_batch_output_is_named_as_such")]
    public void A_folder_in_the_way_of_an_output_is_named_as_such(bool durable)
    {
        var target = Path.Combine(_dir, "a.txt.json");
        Directory.CreateDirectory(target);
        var e = Assert.Throws<IOException>(() => AtomicFile.WriteAllText(target, "new", overwrite: true, durable));
        Assert.That(e!.Message, Is.EqualTo($"{target}: a folder of that name is in the way"));
        Assert.That(Directory.Exists(target), Is.True);
        Assert.That(Directory.GetFileSystemEntries(_dir), Is.EqualTo(new[] { target }), "no temporary file is left");
    }

    [Test]
    public void A_workers_runtime_setting_yields_to_the_users_own()
    {
        var start = new ProcessStartInfo("true");
        start.Environment.Remove("DOTNET_GCgen0size");
        start.Environment.Remove("COMPlus_GCgen0size");
        WorkerPool.SetUnlessUsers(start, "GCgen0size", "0x2000000");
        Assert.That(start.Environment["DOTNET_GCgen0size"], Is.EqualTo("0x2000000"));

        var users = new ProcessStartInfo("true");
        users.Environment.Remove("DOTNET_GCgen0size");
        users.Environment["COMPlus_GCgen0size"] = "0x100000";
        WorkerPool.SetUnlessUsers(users, "GCgen0size", "0x2000000");
        Assert.That(users.Environment.ContainsKey("DOTNET_GCgen0size"), Is.False, "the user's setting, under the old prefix, stands");
        Assert.That(users.Environment["COMPlus_GCgen0size"], Is.EqualTo("0x100000"));
    }
}
