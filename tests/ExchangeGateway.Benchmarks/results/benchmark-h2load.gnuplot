$d1024_direct << EOD
1 10093.333 0.181
16 36077.667 0.802
64 52479 2.147
EOD
$d1024_proxy_pair << EOD
1 2772 0.525
16 8787 3.745
64 9555.333 13.876
EOD
$d1024_gateway_pair << EOD
1 310.333 6.432
16 1856 16.913
64 3558 29.635
EOD
$d65536_direct << EOD
1 2003.333 0.73
16 3043.667 9.209
64 3104.667 32.28
EOD
$d65536_proxy_pair << EOD
1 976.667 1.626
16 1797.667 15.807
64 1953.333 77.723
EOD
$d65536_gateway_pair << EOD
1 227.667 7.332
16 654.667 38.714
64 719.667 125.161
EOD
$d1048576_direct << EOD
1 155 13.197
16 178.333 128.867
64 188.704 426.894
EOD
$d1048576_proxy_pair << EOD
1 97 19.717
16 134.667 164.541
64 129.236 632.876
EOD
$d1048576_gateway_pair << EOD
1 34 45.923
16 63.667 423.724
64 55.482 1702.116
EOD
set terminal pngcairo size 1200,1080 font 'sans,10'
set output '/tmp/fullbench/benchmark-h2load.png'
set multiplot layout 3,2 title 'ExchangeGateway benchmark, h2load (medians)'
set logscale x 2
set xrange [0.8:80]
set xtics (1, 16, 64)
set xlabel 'concurrent calls'
set grid
set key top left
set title 'throughput, 1 KiB'
set ylabel 'requests/s'
set logscale y
plot $d1024_direct using 1:2 with linespoints title 'direct', $d1024_proxy_pair using 1:2 with linespoints title 'proxy-pair', $d1024_gateway_pair using 1:2 with linespoints title 'gateway-pair'
set title 'p99 latency, 1 KiB'
set ylabel 'ms'
plot $d1024_direct using 1:3 with linespoints title 'direct', $d1024_proxy_pair using 1:3 with linespoints title 'proxy-pair', $d1024_gateway_pair using 1:3 with linespoints title 'gateway-pair'
unset logscale y
set title 'throughput, 64 KiB'
set ylabel 'requests/s'
set logscale y
plot $d65536_direct using 1:2 with linespoints title 'direct', $d65536_proxy_pair using 1:2 with linespoints title 'proxy-pair', $d65536_gateway_pair using 1:2 with linespoints title 'gateway-pair'
set title 'p99 latency, 64 KiB'
set ylabel 'ms'
plot $d65536_direct using 1:3 with linespoints title 'direct', $d65536_proxy_pair using 1:3 with linespoints title 'proxy-pair', $d65536_gateway_pair using 1:3 with linespoints title 'gateway-pair'
unset logscale y
set title 'throughput, 1 MiB'
set ylabel 'requests/s'
set logscale y
plot $d1048576_direct using 1:2 with linespoints title 'direct', $d1048576_proxy_pair using 1:2 with linespoints title 'proxy-pair', $d1048576_gateway_pair using 1:2 with linespoints title 'gateway-pair'
set title 'p99 latency, 1 MiB'
set ylabel 'ms'
plot $d1048576_direct using 1:3 with linespoints title 'direct', $d1048576_proxy_pair using 1:3 with linespoints title 'proxy-pair', $d1048576_gateway_pair using 1:3 with linespoints title 'gateway-pair'
unset logscale y
unset multiplot
