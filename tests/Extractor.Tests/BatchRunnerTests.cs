using Extractor.Cli.Batch;
using Extractor.Cli.IO;
using Extractor.Parsing;

namespace Extractor.Tests;

/// <summary>The batch runner: outcomes written in input order, files counted as they finish.</summary>
public sealed class BatchRunnerTests
{
    /// <summary>A stream that gives its bytes only once the gate opens: a slow file.</summary>
    private sealed class GatedStream(byte[] bytes, SemaphoreSlim gate) : MemoryStream(bytes)
    {
        private bool _opened;

        public override int Read(byte[] buffer, int offset, int count)
        {
            if (!_opened) gate.Wait();
            _opened = true;
            return base.Read(buffer, offset, count);
        }

        public override bool CanSeek => false;
    }

    [Test]
    [CancelAfter(120_000)]
    public async Task Files_are_counted_as_they_finish_while_a_slow_early_file_holds_the_writing_back()
    {
        var dir = Directory.CreateTempSubdirectory("extractor-runner-").FullName;
        try
        {
            var files = new List<InputFile> { InputFile.StandardInput };
            for (var i = 1; i <= 3; i++)
            {
                var path = Path.Combine(dir, $"{i}.txt");
                await File.WriteAllTextAsync(path, $"一、问题{i}\n整改情况：已完成。");
                files.Add(new InputFile(path, path, $"{i}.txt"));
            }
            using var gate = new SemaphoreSlim(0);
            var runner = new BatchRunner(new NoticeParser(), jobs: 2, timeout: null,
                openInput: () => new GatedStream("一、问题0\n整改情况：已完成。"u8.ToArray(), gate));
            var finished = new System.Collections.Concurrent.ConcurrentQueue<string>();
            var written = new List<string>();
            var run = runner.RunAsync(files, o => { written.Add(o.File.DisplayPath); return Task.CompletedTask; }, CancellationToken.None,
                o => finished.Enqueue(o.File.DisplayPath));
            while (finished.Count < 3) await Task.Delay(10);
            Assert.That(written, Is.Empty, "nothing is written before the first file");
            Assert.That(finished, Is.EquivalentTo(files.Skip(1).Select(f => f.DisplayPath)), "but the files after it are counted as they finish");
            gate.Release();
            var summary = await run;
            Assert.That(written, Is.EqualTo(files.Select(f => f.DisplayPath)));
            Assert.That(summary.Parsed, Is.EqualTo(4));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [TestCase(true, TestName = "An_output_keyed_by_content_gets_each_files_SHA256")]
    [TestCase(false, TestName = "Other_outputs_get_no_content_hash")]
    public async Task The_content_hash_is_made_for_outputs_that_need_it(bool withHash)
    {
        var dir = Directory.CreateTempSubdirectory("extractor-runner-").FullName;
        try
        {
            var path = Path.Combine(dir, "a.txt");
            await File.WriteAllTextAsync(path, "一、问题\n整改情况：已完成。");
            var outcomes = new List<FileOutcome>();
            await new BatchRunner(new NoticeParser(), jobs: 1, timeout: null, withHash: withHash)
                .RunAsync([new InputFile(path, path, "a.txt")], o => { outcomes.Add(o); return Task.CompletedTask; }, CancellationToken.None);
            Assert.That(outcomes.Single().ContentHash,
                Is.EqualTo(withHash ? Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(path))) : null));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
