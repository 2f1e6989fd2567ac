import { renderInTestApp } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import { StatusChip } from './StatusChip';
import { statusColors } from './statusColors';

jest.setTimeout(30_000);

describe('StatusChip', () => {
  it('shows the state in its colour', async () => {
    await renderInTestApp(
      <StatusChip label="failing" color={statusColors.failing} />,
    );
    const chip = screen.getByText('failing').closest('.MuiChip-root');
    expect(chip).toHaveStyle({ backgroundColor: statusColors.failing });
    expect(chip).toHaveClass('MuiChip-sizeSmall');
  });

  it('takes a medium size', async () => {
    await renderInTestApp(
      <StatusChip label="ready" color={statusColors.healthy} size="medium" />,
    );
    const chip = screen.getByText('ready').closest('.MuiChip-root');
    expect(chip).not.toHaveClass('MuiChip-sizeSmall');
    expect(chip).toHaveStyle({ backgroundColor: statusColors.healthy });
  });
});
