using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;

namespace Extractor.Parsing.Rules;

/// <summary>
/// The two forms of one rule set, as the runtime tiers methods: <see cref="Current"/> is first the set compiled for the
/// regex interpreter (free to build); the parsers report the time they spend in the text pipeline, and once that
/// reaches <see cref="PayBackAfter"/> the patterns are compiled and warmed up on a background thread and the compiled
/// set becomes <see cref="Current"/>. A run of one file, or of a few hundred small ones, never pays for the compiler;
/// a longer batch runs the rule patterns about three times faster from then on.
/// The two sets match alike (the same patterns and options), so results never depend on which one parsed.
/// Patterns of the default rules come compiled from the build (<see cref="DefaultPatterns"/>) in both sets: a set made
/// of those alone (<see cref="CompiledRules.Prebuilt"/>) is never compiled again.
/// </summary>
internal sealed class RuleTiers
{
    /// <summary>
    /// Pipeline time after which compiling the patterns is worth it. Compiling and warming them up costs some 0.4 s of
    /// CPU; compiled, they take some 40 % off the pipeline's time (seed 000: 1.04 ms interpreted, 0.42 ms compiled). As
    /// in renting or buying, compiling once the interpreter has cost what compiling would save back — 0.4 s of savings
    /// forgone, i.e. about 1 s in the pipeline — never spends more than twice the best choice made in hindsight.
    /// </summary>
    public static readonly TimeSpan PayBackAfter = TimeSpan.FromSeconds(1);

    /// <summary>Text the compiled patterns are run over once before they take over, so their JIT is not a parse's.</summary>
    private const string WarmUpText = "一、关于“问题”的整改情况（一）1.（1）①问题1：整改措施：已完成整改。发布日期：2023年5月4日 2023-05-04 共发现问题12个，已整改10个。";

    private readonly RuleSet _rules;
    private CompiledRules? _compiled;
    private long _spentTicks;
    private int _started;

    public RuleTiers(CompiledRules interpreted, RuleSet rules)
    {
        Interpreted = interpreted;
        _rules = rules;
    }

    /// <summary>The set compiled for the interpreter.</summary>
    public CompiledRules Interpreted { get; }

    /// <summary>The set to parse with now.</summary>
    public CompiledRules Current => Volatile.Read(ref _compiled) ?? Interpreted;

    /// <summary>Whether the IL-compiled set has taken over.</summary>
    public bool IsCompiled => Volatile.Read(ref _compiled) is not null;

    /// <summary>Records that a parse spent <paramref name="elapsed"/> in the pipeline; starts compiling once that has added up.</summary>
    public void Spent(TimeSpan elapsed)
    {
        if (Interpreted.Prebuilt || Volatile.Read(ref _started) != 0 || !RuntimeFeature.IsDynamicCodeCompiled) return;
        if (Interlocked.Add(ref _spentTicks, elapsed.Ticks) < PayBackAfter.Ticks) return;
        if (Interlocked.Exchange(ref _started, 1) == 0)
            _ = Task.Factory.StartNew(CompileNow, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
    }

    /// <summary>Compiles and warms up the IL set and lets it take over (on the calling thread; tests call it directly).</summary>
    public void CompileNow()
    {
        Interlocked.Exchange(ref _started, 1);
        if (IsCompiled) return;
        try
        {
            var compiled = CompiledRules.Compile(_rules, new PatternFactory(RegexOptions.Compiled));
            foreach (var pattern in compiled.Patterns) WarmUp(pattern);
            Volatile.Write(ref _compiled, compiled);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // The interpreted set stays: it parses alike, only slower.
            Trace.TraceWarning($"extractor: the rule patterns could not be compiled to IL ({e.GetType().Name}); the interpreter goes on");
        }
    }

    private static void WarmUp(Regex pattern)
    {
        try
        {
            _ = pattern.IsMatch(WarmUpText);
            _ = pattern.Match(WarmUpText);
        }
        catch (RegexMatchTimeoutException)
        {
        }
    }
}
