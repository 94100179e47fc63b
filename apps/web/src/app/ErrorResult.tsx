import { Result, type ResultProps } from 'antd';

/**
 * antd's Result with its large status illustrations, in a chunk of its own: it is only downloaded
 * when an error page is actually shown, not with every first load (issue 11: first load).
 */
export default function ErrorResult(props: ResultProps) {
  return <Result {...props} />;
}
