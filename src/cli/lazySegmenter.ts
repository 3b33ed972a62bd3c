// A stand-in for Intl.Segmenter that builds the real one on first use. The bundler (scripts/bundle-cli.mjs)
// puts it in place of Intl.Segmenter: yargs' text-width helpers build segmenters when they load, and the
// first costs about 20 ms of ICU start-up, paid by every command though only help text needs one.

// Read by destructuring, which the bundler's replacement of `Intl.Segmenter` does not touch.
const { Segmenter } = Intl;
type SegmenterArgs = ConstructorParameters<typeof Segmenter>;

export class LazySegmenter {
  private readonly args: SegmenterArgs;
  private real: Intl.Segmenter | undefined;

  constructor(...args: SegmenterArgs) {
    this.args = args;
  }

  private segmenter(): Intl.Segmenter {
    return (this.real ??= new Segmenter(...this.args));
  }

  segment(input: string): Intl.Segments {
    return this.segmenter().segment(input);
  }

  resolvedOptions(): Intl.ResolvedSegmenterOptions {
    return this.segmenter().resolvedOptions();
  }

  static supportedLocalesOf(...args: Parameters<typeof Segmenter.supportedLocalesOf>): string[] {
    return Segmenter.supportedLocalesOf(...args);
  }
}
