using System.Text.RegularExpressions;
using Extractor.Cli.Batch;
using Extractor.Cli.Export.Relational;
using Extractor.Cli.IO;
using Extractor.Tests.Support;

namespace Extractor.Tests;

/// <summary>
/// <c>-o notices.duckdb</c>: the batch as typed, keyed tables an analyst queries with SQL, written in one transaction;
/// <c>--append</c> adds a later batch without loading a file twice.
/// </summary>
public sealed partial class DuckDbOutputTests
{
    private string _dir = "";

    [SetUp]
    public void CreateFolder()
    {
        _dir = Directory.CreateTempSubdirectory("extractor-duckdb-").FullName;
        foreach (var name in new[] { "seed-002.txt", "narrative-stats.txt", "field-style.txt", "formats/table-form.html", "formats/seed-002-libreoffice-print.pdf" })
            Copy(name, Path.Combine("in", name));
        File.WriteAllBytes(Path.Combine(_dir, "in", "broken.docx"), [0x50, 0x4B, 0x03, 0x04, 1, 2, 3]);
    }

    [TearDown]
    public void RemoveFolder() => Directory.Delete(_dir, recursive: true);

    private string In => Path.Combine(_dir, "in");

    private string Database => Path.Combine(_dir, "notices.duckdb");

    private void Copy(string sample, string to)
    {
        var target = Path.Combine(_dir, to);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        File.Copy(Repo.Sample(sample), target);
    }

    [Test]
    public void The_tables_are_typed_and_keyed_and_hold_what_the_json_holds()
    {
        var (code, _, stderr) = CliRun.Run("parse", In, "-o", Database);
        Assert.That(code, Is.EqualTo(1), "the broken file fails the batch");
        Assert.That(stderr, Does.Contain("6 files").And.Contain("5 parsed").And.Contain("1 copies of an earlier file"));
        using var db = new Db(Database);
        var tables = db.Query("SELECT table_name FROM information_schema.tables ORDER BY table_name").Select(r => (string)r[0]!);
        Assert.That(tables, Is.EqualTo(new[] { "errors", "fields", "items", "measures", "notices", "sections", "stats", "warnings" }));
        Assert.That(db.Count("SELECT count(*) FROM duckdb_constraints() WHERE constraint_type = 'PRIMARY KEY'"), Is.EqualTo(8));
        Assert.That(db.Scalar("SELECT data_type FROM information_schema.columns WHERE table_name = 'notices' AND column_name = 'date'"), Is.EqualTo("DATE"));
        Assert.That(db.Scalar("SELECT data_type FROM information_schema.columns WHERE table_name = 'items' AND column_name = 'status'"),
            Is.EqualTo("ENUM('done', 'ongoing', 'unknown')"));
        Assert.That(db.Scalar("SELECT data_type FROM information_schema.columns WHERE table_name = 'items' AND column_name = 'tags'"), Is.EqualTo("VARCHAR[]"));

        // The JSON of the seed, row for row.
        var notice = Parsing.NoticeJson.Deserialize(CliRun.Run("parse", Path.Combine(In, "seed-002.txt")).Out);
        var hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(Path.Combine(In, "seed-002.txt"))));
        Assert.That(db.Query($"SELECT title, issuer, date, items FROM notices WHERE hash = '{hash}'").Single(),
            Is.EqualTo(new object?[] { notice.Title, notice.Issuer, notice.Date!.Value, notice.Items.Count }));
        Assert.That(db.Query($"SELECT problemTitle, status::VARCHAR, measures FROM items WHERE notice = '{hash}' ORDER BY index").Select(r => ((string)r[0]!, (string)r[1]!, (int)r[2]!)),
            Is.EqualTo(notice.Items.Select(i => (i.Problem.Title, Cli.Export.Tables.Status(i.Rectification!.Status), i.Rectification.Measures.Count))));
        Assert.That(db.Count($"SELECT count(*) FROM sections WHERE notice = '{hash}'"), Is.EqualTo(notice.Sections.Count));
        Assert.That(db.Count($"SELECT count(*) FROM warnings WHERE notice = '{hash}'"), Is.EqualTo(notice.Warnings.Count));
        Assert.That(db.Count("SELECT sum(items) FROM notices"), Is.EqualTo(db.Count("SELECT count(*) FROM items")));
        Assert.That(db.Count("SELECT count(*) FROM fields"), Is.GreaterThan(0));
        Assert.That(db.Query("SELECT file FROM errors").Single()[0] as string, Does.EndWith("broken.docx"));
        // The PDF prints the same notice as the text file: it is flagged as its copy.
        Assert.That(db.Query("SELECT n.file, o.file, n.similarity FROM notices n JOIN notices o ON o.hash = n.duplicateOf").Single(),
            Is.EqualTo(new object?[] { In + "/formats/seed-002-libreoffice-print.pdf", In + "/seed-002.txt", 1.0 }).Or.EqualTo(new object?[] { In + "/seed-002.txt", In + "/formats/seed-002-libreoffice-print.pdf", 1.0 }));
    }

    [Test]
    public void The_readme_queries_run()
    {
        var tags = Path.Combine(_dir, "tags.rules.json");
        File.WriteAllText(tags, """{ "tags": [ { "name": "产业发展", "keywords": ["产业"] }, { "name": "扶贫", "keywords": ["扶贫", "脱贫"] } ] }""");
        CliRun.Run("parse", In, "-o", Database, "--rules", tags);
        CliRun.Run("parse", In, "-f", "parquet", "-o", Path.Combine(_dir, "tables"), "--rules", tags);
        var readme = File.ReadAllText(Path.Combine(Repo.Root, "README.md"));
        var queries = SqlBlock().Matches(readme).Select(m => m.Groups[1].Value).ToList();
        Assert.That(queries, Has.Count.GreaterThanOrEqualTo(3));
        using var db = new Db(Database);
        foreach (var sql in queries)
        {
            var rows = db.Query(sql.Replace("'tables/", $"'{_dir}/tables/", StringComparison.Ordinal));
            Assert.That(rows, Is.Not.Empty, sql);
        }
    }

    [Test]
    public void Chinese_headers_add_views_with_chinese_column_names()
    {
        CliRun.Run("parse", In, "-o", Database, "--headers", "zh");
        using var db = new Db(Database);
        Assert.That(db.Count("SELECT count(*) FROM items_zh WHERE 整改状态 = 'done'"), Is.EqualTo(db.Count("SELECT count(*) FROM items WHERE status = 'done'")));
        Assert.That(db.Query("SELECT 问题, 整改情况 FROM items_zh LIMIT 1"), Has.Count.EqualTo(1));
        Assert.That(db.Query("SELECT 标题, 发文单位, 日期 FROM notices_zh"), Has.Count.EqualTo(5));
    }

    [Test]
    public void Append_adds_only_files_not_loaded_before_and_finds_copies_of_them()
    {
        var first = Path.Combine(_dir, "first");
        Copy("seed-002.txt", "first/seed-002.txt");
        Copy("field-style.txt", "first/field-style.txt");
        Assert.That(CliRun.Run("parse", first, "-o", Database).Code, Is.Zero);

        // The same files again, a new one, and a mirror's copy of the seed (a source line, other punctuation).
        var second = Path.Combine(_dir, "second");
        Copy("seed-002.txt", "second/again/seed-002.txt");
        Copy("narrative-stats.txt", "second/narrative-stats.txt");
        File.WriteAllText(Path.Combine(second, "mirror.txt"), "来源：某镜像站\n" + File.ReadAllText(Repo.Sample("seed-002.txt")).Replace("，", ",").Replace("襄城县", "襄城縣"));
        var (code, _, stderr) = CliRun.Run("parse", second, "-o", Database, "--append");
        Assert.That(code, Is.Zero, stderr);
        Assert.That(stderr, Does.Contain("1 already in the database").And.Contain("1 copies of an earlier file"));
        using var db = new Db(Database);
        Assert.That(db.Count("SELECT count(*) FROM notices"), Is.EqualTo(4));
        Assert.That(db.Count("SELECT count(*) FROM items"), Is.EqualTo(db.Count("SELECT sum(items) FROM notices")));
        var copy = db.Query("SELECT o.file, n.similarity FROM notices n JOIN notices o ON o.hash = n.duplicateOf WHERE n.file LIKE '%mirror.txt'").Single();
        Assert.That(copy[0], Is.EqualTo(first + "/seed-002.txt"));
        Assert.That((double)copy[1]!, Is.GreaterThanOrEqualTo(0.8).And.LessThan(1));
    }

    [Test]
    public void An_append_that_does_not_complete_leaves_the_database_as_it_was()
    {
        Assert.That(CliRun.Run("parse", Path.Combine(In, "seed-002.txt"), Path.Combine(In, "field-style.txt"), "-o", Database).Code, Is.Zero);
        var before = File.ReadAllBytes(Database);
        var file = new InputFile(Path.Combine(In, "narrative-stats.txt"), "narrative-stats.txt", "narrative-stats.txt");
        var notice = new Parsing.NoticeParser().ParseFile(file.FullPath);
        using (var sink = new DuckDbSink(Database, force: false, append: true, headers: "en"))
        {
            sink.Write(new FileOutcome(file, notice, null) { ContentHash = "feed" });
            sink.Write(new FileOutcome(new InputFile(file.FullPath, "gone.txt", file.RelativePath), null, "a reason"));
            // The batch fails here: the sink is disposed without Complete.
        }
        using var db = new Db(Database);
        Assert.That(db.Count("SELECT count(*) FROM notices"), Is.EqualTo(2));
        Assert.That(db.Count("SELECT count(*) FROM errors"), Is.Zero);
        Assert.That(File.Exists(Database + ".wal"), Is.False);
        Assert.That(before, Has.Length.GreaterThan(0));
    }

    [Test]
    public void A_new_database_that_does_not_complete_leaves_nothing()
    {
        using (var sink = new DuckDbSink(Database, force: false, append: false, headers: "en"))
            sink.Write(new FileOutcome(new InputFile("/x", "x", "x"), null, "a reason"));
        Assert.That(Directory.GetFiles(_dir), Is.Empty);
    }

    [Test]
    public void An_existing_database_is_kept_without_force_or_append_and_a_foreign_file_is_refused()
    {
        Assert.That(CliRun.Run("parse", In, "-o", Database).Code, Is.EqualTo(1));
        var (code, _, stderr) = CliRun.Run("parse", In, "-o", Database);
        Assert.That((code, stderr.Trim()), Is.EqualTo((1, $"extractor: {Database} exists; pass --force to replace it")));
        var foreign = Path.Combine(_dir, "other.duckdb");
        File.WriteAllText(foreign, "not a database");
        Assert.That(CliRun.Run("parse", In, "-o", foreign, "--append").Code, Is.EqualTo(2));
        Assert.That(File.ReadAllText(foreign), Is.EqualTo("not a database"));
        Assert.That(CliRun.Run("parse", In, "-o", Path.Combine(_dir, "x.csv"), "--append").Code, Is.EqualTo(2), "--append is for databases");
    }

    [GeneratedRegex("```sql\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex SqlBlock();
}
