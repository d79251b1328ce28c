using Extractor.Tests.Support;
using Parquet;

namespace Extractor.Tests;

/// <summary><c>-f parquet -o DIR</c>: the database's tables as Parquet files, read back by Parquet.Net and by DuckDB.</summary>
public sealed class ParquetOutputTests
{
    private string _dir = "";

    [SetUp]
    public void CreateFolder() => _dir = Directory.CreateTempSubdirectory("extractor-parquet-").FullName;

    [TearDown]
    public void RemoveFolder() => Directory.Delete(_dir, recursive: true);

    private string Tables => Path.Combine(_dir, "tables");

    [Test]
    public async Task The_tables_read_back_with_their_types_and_the_rows_of_the_database()
    {
        var input = Path.Combine(_dir, "in");
        Directory.CreateDirectory(input);
        foreach (var name in new[] { "seed-002.txt", "narrative-stats.txt", "field-style.txt", "measure-lists.txt" })
            File.Copy(Repo.Sample(name), Path.Combine(input, name));
        Assert.That(CliRun.Run("parse", input, "-f", "parquet", "-o", Tables).Code, Is.Zero);
        Assert.That(CliRun.Run("parse", input, "-o", Path.Combine(_dir, "n.duckdb")).Code, Is.Zero);
        Assert.That(Directory.GetFiles(Tables).Select(Path.GetFileName).Order(),
            Is.EqualTo(new[] { "errors.parquet", "fields.parquet", "items.parquet", "measures.parquet", "notices.parquet", "sections.parquet", "stats.parquet", "warnings.parquet" }));

        await using (var reader = await ParquetReader.CreateAsync(Path.Combine(Tables, "notices.parquet")))
        {
            var names = reader.Schema.Fields.Select(f => f.Name).ToList();
            Assert.That(names, Does.Contain("hash").And.Contain("date").And.Contain("duplicateOf").And.Not.Contain("fingerprint"));
            Assert.That(reader.Metadata!.NumRows, Is.EqualTo(4));
        }

        using var db = new Db(Path.Combine(_dir, "n.duckdb"));
        foreach (var table in new[] { "notices", "sections", "items", "measures", "fields", "warnings", "stats" })
            Assert.That(db.Count($"SELECT count(*) FROM read_parquet('{Tables}/{table}.parquet')"), Is.EqualTo(db.Count($"SELECT count(*) FROM {table}")), table);
        Assert.That(db.Scalar($"SELECT typeof(date) FROM read_parquet('{Tables}/notices.parquet') LIMIT 1"), Is.EqualTo("DATE"));
        Assert.That(db.Scalar($"SELECT typeof(tags) FROM read_parquet('{Tables}/items.parquet') LIMIT 1"), Is.EqualTo("VARCHAR[]"));
        Assert.That(db.Query($"SELECT problemTitle, status FROM read_parquet('{Tables}/items.parquet') EXCEPT SELECT problemTitle, status::VARCHAR FROM items"), Is.Empty);
    }

    [Test]
    public async Task A_large_table_is_written_in_row_groups()
    {
        var big = Path.Combine(_dir, "big.txt");
        File.WriteAllText(big, string.Concat(Enumerable.Range(1, 12_000).Select(i => $"{i}.问题{i}。\n整改情况：已完成。\n")));
        Assert.That(CliRun.Run("parse", big, "-f", "parquet", "-o", Tables).Code, Is.Zero);
        await using var reader = await ParquetReader.CreateAsync(Path.Combine(Tables, "items.parquet"));
        Assert.That((reader.RowGroupCount, reader.Metadata!.NumRows), Is.EqualTo((2, 12_000L)));
    }

    [Test]
    public void Existing_tables_are_kept_without_force()
    {
        Assert.That(CliRun.Run("parse", Repo.Seed002, "-f", "parquet", "-o", Tables).Code, Is.Zero);
        var (code, _, stderr) = CliRun.Run("parse", Repo.Seed002, "-f", "parquet", "-o", Tables);
        Assert.That(code, Is.EqualTo(1));
        Assert.That(stderr, Does.Contain("and 7 more output files exist"));
        Assert.That(CliRun.Run("parse", Repo.Seed002, "-f", "parquet").Code, Is.EqualTo(2), "parquet needs a folder");
    }
}
