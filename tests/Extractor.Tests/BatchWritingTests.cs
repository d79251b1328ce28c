using Extractor.Cli.Batch;
using Extractor.Cli.IO;
using Extractor.Parsing;

namespace Extractor.Tests;

/// <summary>
/// How a batch writes: each notice's JSON is made on the parsing threads (the ordered write only writes it), the same
/// bytes as before; a folder output is synced once when the batch completes.
/// </summary>
public sealed class BatchWritingTests
{
    private static readonly InputFile Input = new("/notices/a.txt", "a.txt", "a.txt");

    private static Notice Parse() => new NoticeParser().ParseText("一、问题一\n整改情况：已完成。");

    [TestCase(true, TestName = "A_notice_serialized_ahead_writes_the_same_indented_JSON")]
    [TestCase(false, TestName = "A_notice_serialized_ahead_writes_the_same_JSON_line")]
    public void A_notice_serialized_ahead_writes_the_same_JSON(bool indented)
    {
        var notice = Parse();
        var outcome = new FileOutcome(Input, notice, null).Serialize(indented);
        Assert.That(outcome.Notice, Is.Null, "the notice is let go once its JSON is made");
        Assert.That(outcome.Parsed, Is.True);
        Assert.That((outcome.Items, outcome.Warnings), Is.EqualTo((notice.Items.Count, notice.Warnings.Count)));
        Assert.That(outcome.Json(indented), Is.EqualTo(indented ? NoticeJson.Serialize(notice) : NoticeJson.SerializeLine(notice)));
    }

    [Test]
    public void A_workers_JSON_of_the_style_wanted_is_kept_as_it_is()
    {
        var serialized = new SerializedNotice("{\"worker\":true}\n", Indented: true, Items: 3, Warnings: 1);
        var outcome = new FileOutcome(Input, null, null) { Serialized = serialized };
        Assert.That(outcome.Serialize(indented: true), Is.SameAs(outcome));
    }

    [Test]
    public void A_failure_is_left_as_it_is()
    {
        var outcome = new FileOutcome(Input, null, "damaged");
        Assert.That(outcome.Serialize(indented: true).Error, Is.EqualTo("damaged"));
    }

    [Test]
    public async Task A_batch_serializes_on_the_parsing_threads_and_writes_in_input_order()
    {
        var dir = Directory.CreateTempSubdirectory("extractor-writing-").FullName;
        try
        {
            var files = new List<InputFile>();
            for (var i = 0; i < 20; i++)
            {
                var path = Path.Combine(dir, $"{i:00}.txt");
                await File.WriteAllTextAsync(path, $"一、问题{i}\n整改情况：已完成。");
                files.Add(new InputFile(path, path, $"{i:00}.txt"));
            }
            var parser = new NoticeParser();
            var runner = new BatchRunner(parser, jobs: 2, timeout: null, prepare: o => o.Serialize(indented: false));
            var written = new List<FileOutcome>();
            await runner.RunAsync(files, o => { written.Add(o); return Task.CompletedTask; }, CancellationToken.None);
            Assert.That(written.Select(o => o.File), Is.EqualTo(files));
            Assert.That(written.Select(o => o.Notice), Has.All.Null, "the ordered write gets JSON, not notices to serialize");
            Assert.That(written.Select(o => o.Json(indented: false)),
                Is.EqualTo(files.Select(f => NoticeJson.SerializeLine(parser.Parse(File.ReadAllBytes(f.FullPath), sourcePath: f.DisplayPath)))));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Test]
    public void Syncing_a_folder_whether_or_not_it_exists_does_not_throw()
    {
        var dir = Directory.CreateTempSubdirectory("extractor-sync-").FullName;
        try
        {
            Assert.DoesNotThrow(() => Durability.SyncFileSystem(dir));
            Assert.DoesNotThrow(() => Durability.SyncFileSystem(Path.Combine(dir, "missing")));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
