using Extractor.Parsing;
using static Extractor.Tests.Support.Spec;

namespace Extractor.Tests.Specs;

/// <summary>Table-form notices (整改台账): a table whose header names problem and rectification columns.</summary>
public sealed class TableSpec
{
    private static Notice Html(string table) =>
        Parser.Parse(System.Text.Encoding.UTF8.GetBytes($"<html><body><p>关于巡察整改情况的通报</p><p>现将整改情况公布如下。</p>{table}<p>欢迎监督。</p></body></html>"), InputFormat.Html);

    [Test]
    public void A_multi_row_header_names_each_column_by_its_lowest_name()
    {
        var notice = Html("""
            <table><tr><th rowspan="2">序号</th><th rowspan="2">反馈问题</th><th colspan="2">整改情况</th><th rowspan="2">完成情况</th></tr>
            <tr><th>整改措施</th><th>整改进展</th></tr>
            <tr><td>1</td><td>问题甲。</td><td>一是制定计划；二是开展学习。</td><td>已开展学习6次。</td><td>已完成</td></tr></table>
            """);
        var item = notice.Items.Single();
        Assert.That(item.Rectification!.Label, Is.EqualTo("整改措施"));
        Assert.That(item.Rectification.Text, Is.EqualTo(Lines("一是制定计划；二是开展学习。", "已开展学习6次。")));
        Assert.That(item.Rectification.Status, Is.EqualTo(RectificationStatus.Done));
        Assert.That(item.Fields.Select(f => f.Name), Is.EqualTo(new[] { "序号", "完成情况" }));
        Assert.That(notice.Preamble, Is.EqualTo("现将整改情况公布如下。"));
        Assert.That(notice.Closing, Is.EqualTo("欢迎监督。"));
    }

    [Test]
    public void Category_rows_with_a_marker_are_sections_and_others_a_category_field()
    {
        var notice = Html("""
            <table><tr><td>反馈问题</td><td>整改措施</td></tr>
            <tr><td colspan="2">一、政治建设方面</td></tr><tr><td>问题甲。</td><td>已完成。</td></tr>
            <tr><td colspan="2">作风建设</td></tr><tr><td>问题乙。</td><td>正在推进。</td></tr></table>
            """);
        Assert.That(Items(notice), Is.EqualTo(Lines("#1 一、 问题甲 | 整改措施 | done | 0", "#2 一、 问题乙 | 整改措施 | ongoing | 0")));
        Assert.That(notice.Items[1].Fields.Single(), Has.Property("Name").EqualTo("类别").And.Property("Value").EqualTo("作风建设"));
    }

    [Test]
    public void A_problem_cell_merged_over_rows_is_one_item()
    {
        var notice = Html("""
            <table><tr><td>问题</td><td>整改措施</td><td>责任单位</td></tr>
            <tr><td rowspan="2">问题甲。</td><td>措施一。</td><td>县委办</td></tr><tr><td>措施二，已完成。</td><td>县政府办</td></tr></table>
            """);
        var item = notice.Items.Single();
        Assert.That(item.Rectification!.Text, Is.EqualTo(Lines("措施一。", "措施二，已完成。")));
        Assert.That(item.Fields.Select(f => f.Value), Is.EqualTo(new[] { "县委办", "县政府办" }));
    }

    [Test]
    public void A_table_that_is_not_a_notice_is_read_as_text()
    {
        var notice = Parser.Parse(System.Text.Encoding.UTF8.GetBytes("""
            <body><p>一、问题甲</p><p>整改情况：清理资金如下表。</p><table><tr><td>项目</td><td>金额</td></tr><tr><td>补贴</td><td>3.2万元</td></tr></table></body>
            """), InputFormat.Html);
        Assert.That(notice.Items.Single().Rectification!.Text, Is.EqualTo(Lines("清理资金如下表。", "项目 金额", "补贴 3.2万元")));
    }
}
