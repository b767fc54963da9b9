import { lazy, Suspense, type ComponentType, type LazyExoticComponent } from 'react';
import { useTranslation } from 'react-i18next';
import { Loading } from './Loading.js';

/** A component downloaded on first render; `preload()` starts the download earlier. */
export type RetryableLazy<P extends object> = ComponentType<P> & { preload(): void };

/**
 * `React.lazy` that forgets a failed download: React.lazy keeps the rejection forever, so an error
 * boundary's "Try again" would show the same failure; here rendering again downloads afresh.
 */
export function retryableLazy<P extends object>(load: () => Promise<ComponentType<P>>): RetryableLazy<P> {
  const make = (): LazyExoticComponent<ComponentType<P>> =>
    lazy(async () => {
      try {
        return { default: await load() };
      } catch (e) {
        current = make();
        throw e;
      }
    });
  let current = make();
  function Lazy(props: P) {
    const Loaded = current;
    return <Loaded {...props} />;
  }
  // The module loader caches the download, so the later render finds it ready; a failure here is the render's to report.
  Lazy.preload = () => void load().catch(() => undefined);
  return Lazy;
}

/**
 * A screen whose code is downloaded the first time it is shown, so the first load carries only
 * what sign-in needs. While the chunk loads the screen shows a Loading state in place; a chunk that
 * fails to load (offline, a redeploy removed it) throws to the screen's error boundary, whose
 * "Try again" downloads it afresh.
 */
export function lazyScreen<P extends object>(load: () => Promise<ComponentType<P>>): ComponentType<P> {
  const Screen = retryableLazy(load);
  function LazyScreen(props: P) {
    const { t } = useTranslation();
    return (
      <Suspense fallback={<Loading label={t('common.loading')} />}>
        <Screen {...props} />
      </Suspense>
    );
  }
  return LazyScreen;
}
