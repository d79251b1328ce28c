using Extractor.Cli;

namespace Extractor.Tests.Support;

/// <summary>Runs the command line in process, as the CLI tests do.</summary>
internal static class CliRun
{
    public static (int Code, string Out, string Err) Run(params string[] args) => RunIn("en", args);

    public static (int Code, string Out, string Err) RunIn(string language, params string[] args)
    {
        var stdout = new StringWriter { NewLine = "\n" };
        var stderr = new StringWriter { NewLine = "\n" };
        var code = Program.Run(args, stdout, stderr, language: language);
        return (code, stdout.ToString(), stderr.ToString());
    }

    /// <summary>A notice that has every kind of thing a review page highlights, and markup in its text that must stay text.</summary>
    public static string ReviewNotice(string longTitle = "推进缓慢") => $"""
        关于<script>alert("x")</script>巡察整改情况的通报
        中共示例县委
        根据县委统一部署，2023年3月1日至4月30日，县委第一巡察组对示例镇开展常规巡察。共反馈问题3个，已完成整改2个。
        一、政治建设<img src=x onerror=alert(1)>方面
        （一）学习贯彻不深入
        整改情况：一是制定学习计划，开展集中学习6次；二是建立学习台账，已完成整改。
        责任单位：镇党委
        整改时限：2023年6月
        （二）{longTitle}
        整改情况：正在推进，持续整改。
        三、作风建设方面
        1.公务接待不规范。
        整改情况：清退违规费用0.8万元，已整改到位。
        中共示例县委
        2023年6月30日

        """;

    /// <summary>A problem title no line can hold: a long run of ideographs and a Latin word without a break.</summary>
    public static string UnbreakableTitle => string.Concat(Enumerable.Repeat("乡村振兴项目", 20)) + string.Concat(Enumerable.Repeat("Averyverylonglatinwordwithoutanyspaces", 4));
}
